#!/bin/bash
# A standalone cluster on loopback (Master + Worker JVMs from Spark's jars), the bench submitted in
# client mode with a 4 GB driver: the bench's heap sampler then sees the driver alone.
set -euo pipefail
C=/tmp/nf/cluster; M=/work/main/jobs/target
rm -rf $C/spark-home $C/worker; mkdir -p $C/spark-home/jars $C/worker
opts=$(cat $M/classes/newsframe/jvm-options.txt)
extra=()
for j in $(tr ':' ' ' < $M/classpath.txt); do
  case "$j" in
    */edu/stanford/nlp/*|*/org/jfree/*) extra+=("$j");;
    */info/picocli/*|*/org/apache/lucene/*) ;;
    *) ln -sf "$j" $C/spark-home/jars/;;
  esac
done
export SPARK_HOME=$C/spark-home SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR=$C SPARK_SCALA_VERSION=2.13
java -Xmx512m $opts -cp "$C/spark-home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7177 --webui-port 8180 > $C/master.log 2>&1 &
echo $! > $C/master.pid
sleep 8
java -Xmx512m $opts -cp "$C/spark-home/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 11g --webui-port 8181 --work-dir $C/worker spark://127.0.0.1:7177 > $C/worker.log 2>&1 &
echo $! > $C/worker.pid
sleep 8
jars=$(IFS=,; echo "${extra[*]}")
java -Xmx4g $opts -Dlog4j2.configurationFile=/work/main/conf/log4j2.properties -cp "$C/spark-home/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master spark://127.0.0.1:7177 --deploy-mode client --driver-memory 4g --executor-memory 10g \
  --conf spark.driver.host=127.0.0.1 --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=8 \
  --jars "$jars" --class org.newsframe.cli.Newsframe /tmp/nf/jar/newsframe-1m.jar \
  bench --corpus /work/shared/corpora/article-bias-prediction.jsonl.gz --work /tmp/nf/bc --sizes 100000 --ner aliases \
  --reuse --mllib-at 0 --results /tmp/nf/rcl "$@" > $C/bench.log 2>&1 || echo "bench rc=$?" >> $C/bench.log
kill $(cat $C/worker.pid) $(cat $C/master.pid) || true
echo done >> $C/bench.log
