ARG BASE=debian:12.5-slim
FROM golang:1.22.3 AS build
FROM build AS test
FROM scratch AS empty
FROM ${BASE}
FROM alpine@sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b
USER 10001
