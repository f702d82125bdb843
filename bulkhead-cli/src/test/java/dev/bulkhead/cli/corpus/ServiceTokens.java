package dev.bulkhead.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Plants source-hosting tokens in CI configs and registry credentials where package managers,
 * docker and kubectl read them.
 */
final class ServiceTokens {
  private ServiceTokens() {}

  static void write(CorpusFiles files, Tokens t, Keys keys) throws IOException {
    files
        .doc("srv/app/.github/workflows/release.yml")
        .line("name: release", "on:", "  push:", "    tags: ['v*']", "env:")
        .secret(Families.GITHUB, "  GH_TOKEN: ghp_" + t.alnum(36))
        .line("jobs:", "  publish:", "    runs-on: ubuntu-latest", "    steps:")
        .line("      - uses: actions/checkout@v4", "      - run: ./scripts/release.sh")
        .write();
    files
        .doc("srv/app/scripts/release.sh")
        .line("#!/bin/sh", "set -eu")
        .secret(
            Families.GITHUB, "export GITHUB_TOKEN=github_pat_" + t.alnum(22) + "_" + t.alnum(59))
        .line("gh release create \"$1\" dist/*.tar.gz")
        .write();
    files
        .doc("srv/app/.gitlab-ci.yml")
        .line("stages: [build, deploy]", "variables:", "  DOCKER_DRIVER: overlay2")
        .secret(Families.GITLAB, "  GITLAB_API_TOKEN: \"glpat-" + t.alnum(20) + "\"")
        .line("deploy:", "  stage: deploy", "  script:", "    - ./deploy.sh")
        .write();
    files
        .doc("srv/app/bitbucket-pipelines.yml")
        .line("image: node:20", "pipelines:", "  default:", "    - step:", "        script:")
        .secret(Families.BITBUCKET, "          - export BITBUCKET_APP_PASSWORD=ATBB" + t.alnum(32))
        .line("          - npm ci && npm test")
        .write();
    files
        .doc("home/deploy/.npmrc")
        .line("registry=https://registry.npmjs.org/")
        .secret(Families.NPM, "//registry.npmjs.org/:_authToken=npm_" + t.alnum(36))
        .line("save-exact=true")
        .write();
    files
        .doc("home/deploy/.pypirc")
        .line("[distutils]", "index-servers =", "    pypi", "", "[pypi]", "username = __token__")
        .secret(Families.PYPI, "password = pypi-AgEIcHlwaS5vcmc" + t.base64UrlBytes(60))
        .write();
    String auth =
        Base64.getEncoder()
            .encodeToString(("deploy:" + t.alnum(24)).getBytes(StandardCharsets.UTF_8));
    files
        .doc("home/deploy/.docker/config.json")
        .line("{", "  \"auths\": {", "    \"registry.example.com\": {")
        .secret(Families.DOCKER, "      \"auth\": \"" + auth + "\"")
        .line("    }", "  },", "  \"credsStore\": \"\"", "}")
        .write();
    kubeconfig(files, t, keys);
  }

  private static void kubeconfig(CorpusFiles files, Tokens t, Keys keys) throws IOException {
    String claims =
        "{\"iss\":\"kubernetes/serviceaccount\",\"kubernetes.io/serviceaccount/namespace\":"
            + "\"ci\",\"sub\":\"system:serviceaccount:ci:deployer\"}";
    Base64.Encoder b64 = Base64.getEncoder();
    String keyData = b64.encodeToString(keys.ec().getBytes(StandardCharsets.US_ASCII));
    String caData = b64.encodeToString(keys.certificate().getBytes(StandardCharsets.US_ASCII));
    files
        .doc("home/deploy/.kube/config")
        .line("apiVersion: v1", "kind: Config", "clusters:", "- cluster:")
        .line("    certificate-authority-data: " + caData)
        .line("    server: https://10.20.0.1:6443", "  name: prod", "contexts:", "- context:")
        .line("    cluster: prod", "    user: deployer", "  name: prod")
        .line("current-context: prod", "users:", "- name: deployer", "  user:")
        .secret(Families.KUBERNETES, "    token: " + t.jwt(claims))
        .also(Families.JWT)
        .line("- name: admin", "  user:")
        .secret(Families.KUBERNETES, "    client-key-data: " + keyData)
        .also(Families.PRIVATE_KEY)
        .write();
  }
}
