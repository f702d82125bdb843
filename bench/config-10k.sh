#!/usr/bin/env bash
# Benchmarks `bulkhead config` on 10,000 generated Kubernetes resources against parsing the same
# YAML alone, in one script, and prints both times and the ratio (goal: scan <= 2x parse).
#
# Usage: bench/config-10k.sh [RUNS] [RESOURCES]
#   RUNS       timed runs after 3 warm-up runs (default 7; medians are reported)
#   RESOURCES  how many resources to generate (default 10000)
# Needs: python3, a JDK (javac), and the fat jar (built here with the launcher when missing).
#
# The generated file mixes every workload kind (Deployment, StatefulSet, DaemonSet, Job, CronJob,
# Pod, ReplicaSet), Services, Roles/ClusterRoles, bindings, NetworkPolicies and Namespaces, with
# varied security contexts so that rules both fire and pass. Timing happens inside one JVM
# (bench/ConfigBench.java) after warm-up, so JVM start-up is not counted on either side; the
# end-to-end CLI time is printed too, for reference.
set -euo pipefail
runs="${1:-7}"
count="${2:-10000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/bulkhead-cli/target/bulkhead.jar"
work="$(mktemp -d /tmp/bh-bench-config.XXXXXX)"
trap 'rm -rf "$work"' EXIT

command -v javac >/dev/null || { echo "needs a JDK (javac)" >&2; exit 1; }
if [ ! -f "$jar" ]; then
  "$root/bulkhead" --version >/dev/null
fi

python3 - "$count" > "$work/k8s.yaml" <<'PY'
import random, sys
random.seed(42)
n = int(sys.argv[1])
kinds = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet",
         "Service", "Role", "ClusterRoleBinding", "NetworkPolicy", "Namespace"]
def container(i, hardened):
    sc = ("        securityContext:\n"
          "          allowPrivilegeEscalation: false\n"
          "          readOnlyRootFilesystem: true\n"
          "          capabilities: {drop: [ALL]}\n") if hardened else (
          "        securityContext:\n"
          "          privileged: %s\n" % random.choice(["true", "false"]))
    return ("      - name: app-%d\n"
            "        image: registry.example.com/team/app:%s\n"
            "        ports: [{containerPort: 8080}]\n"
            "        env:\n"
            "          - {name: LOG_LEVEL, value: info}\n"
            "          - {name: API_TOKEN, value: %s}\n"
            "        resources:\n"
            "          limits: {cpu: 500m, memory: 256Mi}\n" % (i, random.choice(["1.2.3", "latest"]),
                                                              random.choice(["s3cr3t-%d" % i, "$(TOKEN)"])) + sc)
def pod_spec(i, indent):
    hardened = random.random() < 0.5
    s = ("securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n" if hardened
         else "hostNetwork: %s\n" % random.choice(["true", "false"]))
    s += "containers:\n" + container(i, hardened)
    if random.random() < 0.2:
        s += "volumes:\n  - name: host\n    hostPath: {path: /var/log}\n"
    return "".join(indent + line + "\n" for line in s.rstrip("\n").split("\n"))
for i in range(n):
    kind = kinds[i % len(kinds)]
    ns = "ns-%d" % (i % 50)
    print("---")
    if kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"):
        print("apiVersion: apps/v1\nkind: %s\nmetadata: {name: w%d, namespace: %s}\nspec:\n  replicas: 2\n  template:\n    metadata: {labels: {app: w%d}}\n    spec:" % (kind, i, ns, i))
        print(pod_spec(i, "      "), end="")
    elif kind == "Job":
        print("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j%d, namespace: %s}\nspec:\n  template:\n    spec:" % (i, ns))
        print(pod_spec(i, "      "), end="")
    elif kind == "CronJob":
        print("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c%d, namespace: %s}\nspec:\n  schedule: '*/5 * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:" % (i, ns))
        print(pod_spec(i, "          "), end="")
    elif kind == "Pod":
        print("apiVersion: v1\nkind: Pod\nmetadata: {name: p%d, namespace: %s}\nspec:" % (i, ns))
        print(pod_spec(i, "  "), end="")
    elif kind == "Service":
        print("apiVersion: v1\nkind: Service\nmetadata: {name: s%d, namespace: %s}\nspec:\n  type: %s\n  selector: {app: w%d}\n  ports: [{port: 80, targetPort: 8080}]" % (i, ns, random.choice(["ClusterIP", "NodePort", "LoadBalancer"]), i))
    elif kind == "Role":
        print("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r%d, namespace: %s}\nrules:\n  - apiGroups: ['']\n    resources: [%s]\n    verbs: [get, list]" % (i, ns, random.choice(["pods", "secrets", "'*'"])))
    elif kind == "ClusterRoleBinding":
        print("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b%d}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %s}\nsubjects: [{kind: ServiceAccount, name: sa%d, namespace: %s}]" % (i, random.choice(["view", "cluster-admin"]), i, ns))
    elif kind == "NetworkPolicy":
        print("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np%d, namespace: ns-%d}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]" % (i, i % 25))
    else:
        print("apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}" % ns)
PY

mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jar" "$root/bench/ConfigBench.java"
echo "generated $(grep -c '^kind: ' "$work/k8s.yaml") resources, $(wc -c < "$work/k8s.yaml") bytes"
java -XX:+UseSerialGC -Xmx1g -cp "$jar:$work/classes" ConfigBench "$work/k8s.yaml" "$runs"

start=$(date +%s%N)
java -XX:+UseSerialGC -Xmx1g -jar "$jar" config "$work/k8s.yaml" -f json -o "$work/report.json" -q
end=$(date +%s%N)
echo "end to end: bulkhead config (fat jar, JVM start-up included): $(( (end - start) / 1000000 )) ms"
