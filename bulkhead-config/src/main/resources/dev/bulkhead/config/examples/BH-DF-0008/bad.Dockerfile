# syntax=docker/dockerfile:1
FROM debian:12.5-slim
RUN <<EOF
set -e
apt-get update
apt-get install -y --no-install-recommends ca-certificates
apt-get clean
EOF
USER 10001
