package dev.bulkhead.config.hostpaths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineEndpointsTest {

  @Test
  void socketsAndTheDirectoriesHoldingThemExposeTheEngine() {
    assertThat(
            List.of(
                "/var/run/docker.sock",
                "/run/docker.sock",
                "/var/run//docker.sock/",
                "/run/podman/podman.sock",
                "/run/user/1000/podman/podman.sock",
                "/run/containerd/containerd.sock",
                "/var/run/crio/crio.sock",
                "/var/run/cri-dockerd.sock",
                "/home/me/.docker/run/docker.sock",
                "./docker.sock",
                "/var/run",
                "/run/",
                "/var/run/docker",
                "/run/podman",
                "/var/run/podman",
                "/run/containerd",
                "/var/run/containerd",
                "/run/crio",
                "/run/user/1000",
                "/run/user/1000/podman",
                "//./pipe/docker_engine",
                "\\\\.\\pipe\\docker_engine"))
        .allSatisfy(p -> assertThat(EngineEndpoints.exposesEngineSocket(p)).as(p).isTrue());
    assertThat(
            List.of(
                "",
                "/var/lib/docker",
                "/run/secrets",
                "/run/containerd-data",
                "/var/run/app.sock",
                "/srv/docker.socket",
                "/data/run",
                "/run/user",
                "/var/run/docker.sock.bak",
                "x".repeat(10_000) + "/docker.sock"))
        .allSatisfy(p -> assertThat(EngineEndpoints.exposesEngineSocket(p)).as(p).isFalse());
    assertThat(EngineEndpoints.exposesEngineSocket(null)).isFalse();
  }

  @Test
  void loopbackRegistriesAreLocalOnly() {
    assertThat(
            List.of(
                "localhost",
                "localhost:5000",
                "LOCALHOST:5000",
                "127.0.0.1:5000",
                "127.0.0.0/8",
                "::1",
                "[::1]:5000",
                "::1/128",
                "http://localhost:5000/"))
        .allSatisfy(a -> assertThat(EngineEndpoints.isLoopback(a)).as(a).isTrue());
    assertThat(
            List.of(
                "10.0.0.0/8",
                "registry.example:5000",
                "localhost.example.com",
                "127.0.0.1.nip.io",
                "0.0.0.0/0",
                ""))
        .allSatisfy(a -> assertThat(EngineEndpoints.isLoopback(a)).as(a).isFalse());
  }
}
