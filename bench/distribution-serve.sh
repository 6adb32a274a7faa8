#!/bin/sh
# Serves CNCF Distribution the way `compare` starts Berth: LISTEN is 127.0.0.1:PORT, DATA a fresh
# directory. Passing it as the Berth command compares Distribution with itself, which checks the
# compare plumbing and shows how far two identical servers differ on this machine (the noise floor):
#   dotnet run --project bench/Berth.Bench -c Release -- compare --berth "bench/distribution-serve.sh {listen} {data}"
set -eu
listen=${1:?usage: distribution-serve.sh 127.0.0.1:PORT DATA_DIR}
data=${2:?usage: distribution-serve.sh 127.0.0.1:PORT DATA_DIR}
config="$data/../distribution-as-berth.yml"
cat > "$config" <<YAML
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: "$data"}
  delete: {enabled: true}
  cache: {blobdescriptor: inmemory}
http: {addr: "$listen"}
YAML
exec docker-registry serve "$config"
