# syntax=docker/dockerfile:1
FROM debian:12.5-slim
RUN <<EOF
set -e
apt-get update
apt-get install -y --no-install-recommends ca-certificates
rm -rf /var/lib/apt/lists/*
EOF
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y jq
USER 10001
