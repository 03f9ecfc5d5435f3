#!/bin/bash
# The bench with its driver in a JVM of its own: a standalone cluster on loopback (Master + Worker
# JVMs from Spark's jars, as StandaloneClusterIT starts it), the bench submitted in client mode with
# a 4 GB driver, so the bench's heap sampler sees the driver alone.
#   bench/cluster-driver.sh <corpus.jsonl.gz> <work dir> <results dir> [more bench options]
# Needs a build (mvn -B package -DskipTests); NEWSFRAME_JAR runs a frozen copy of the job jar.
# EXECUTOR_MEMORY (10g), SHUFFLE_PARTITIONS (8) and SPARK_CONF (more "--conf k=v" words) size the run:
# at 1M articles, EXECUTOR_MEMORY=12g SHUFFLE_PARTITIONS=64 as the local-mode 1M bench uses.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$1 work=$2 results=$3; shift 3
executor_memory=${EXECUTOR_MEMORY:-10g}
[[ $executor_memory =~ ^[0-9]+g$ ]] || { echo "EXECUTOR_MEMORY: whole gigabytes, e.g. 12g (was: $executor_memory)" >&2; exit 2; }
worker_memory=$(( ${executor_memory%g} + 1 ))g
read -r -a spark_conf <<< "${SPARK_CONF:-}"
M=$here/jobs/target
jar=${NEWSFRAME_JAR:-$M/newsframe.jar}
C=$work/cluster
rm -rf "$C"; mkdir -p "$C/spark-home/jars" "$C/worker"
opts=$(cat "$M/classes/newsframe/jvm-options.txt")
# What a Spark installation has: Spark and its dependencies; CoreNLP and JFree come with --jars.
extra=()
for j in $(tr ':' ' ' < "$M/classpath.txt"); do
  case "$j" in
    */edu/stanford/nlp/*|*/org/jfree/*) extra+=("$j");;
    */info/picocli/*|*/org/apache/lucene/*) ;;
    *) ln -sf "$j" "$C/spark-home/jars/";;
  esac
done
export SPARK_HOME=$C/spark-home SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR=$C SPARK_SCALA_VERSION=2.13
java -Xmx512m $opts -cp "$C/spark-home/jars/*" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 7177 --webui-port 8180 > "$C/master.log" 2>&1 &
master=$!
worker=
trap 'kill $worker $master 2>/dev/null || true' EXIT
sleep 8
java -Xmx512m $opts -cp "$C/spark-home/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
  --cores "$(nproc)" --memory "$worker_memory" --webui-port 8181 --work-dir "$C/worker" spark://127.0.0.1:7177 > "$C/worker.log" 2>&1 &
worker=$!
sleep 8
java -Xmx4g $opts -Dlog4j2.configurationFile="$here/conf/log4j2.properties" -cp "$C/spark-home/jars/*" \
  org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:7177 --deploy-mode client \
  --driver-memory 4g --executor-memory "$executor_memory" \
  --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions="${SHUFFLE_PARTITIONS:-8}" ${spark_conf[@]+"${spark_conf[@]}"} \
  --jars "$(IFS=,; echo "${extra[*]}")" --class org.newsframe.cli.Newsframe "$jar" \
  bench --corpus "$corpus" --work "$work" --results "$results" "$@"
