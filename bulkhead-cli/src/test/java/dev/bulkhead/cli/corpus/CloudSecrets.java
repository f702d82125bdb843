package dev.bulkhead.cli.corpus;

import java.io.IOException;

/** Plants AWS, GCP and Azure credentials in the files where they are found in real images. */
final class CloudSecrets {
  private CloudSecrets() {}

  static void write(CorpusFiles files, Tokens t, Keys keys) throws IOException {
    files
        .doc("home/deploy/.aws/credentials")
        .line("[default]")
        .secret(Families.AWS, "aws_access_key_id = " + t.awsKeyId())
        .secret(Families.AWS, "aws_secret_access_key = " + t.awsSecret())
        .line("region = eu-west-1", "", "[ci-temporary]")
        .secret(Families.AWS, "aws_access_key_id = ASIA" + t.of(Tokens.UPPER + "234567", 16))
        .secret(Families.AWS, "aws_secret_access_key = " + t.awsSecret())
        .secret(Families.AWS, "aws_session_token = " + t.awsSessionToken())
        .write();
    files
        .doc("srv/app/.env")
        .line("APP_ENV=production", "APP_PORT=8080", "LOG_LEVEL=info")
        .secret(Families.AWS, "AWS_ACCESS_KEY_ID=" + t.awsKeyId())
        .secret(Families.AWS, "AWS_SECRET_ACCESS_KEY=" + t.awsSecret())
        .line("AWS_DEFAULT_REGION=us-east-1", "S3_BUCKET=app-uploads-prod")
        .secret(
            Families.DATABASE_URL,
            "DATABASE_URL=postgres://app:" + t.alnum(20) + "@db.internal:5432/app")
        .write();
    files
        .doc("srv/app/deploy/aws.tf")
        .line("provider \"aws\" {", "  region     = \"eu-central-1\"")
        .secret(Families.AWS, "  access_key = \"" + t.awsKeyId() + "\"")
        .secret(Families.AWS, "  secret_key = \"" + t.awsSecret() + "\"")
        .line("}")
        .write();
    gcp(files, t, keys);
    azure(files, t);
  }

  private static void gcp(CorpusFiles files, Tokens t, Keys keys) throws IOException {
    String project = "corp-data-" + t.of(Tokens.DIGITS, 6);
    String pem = keys.pkcs8(false).strip().replace("\n", "\\n") + "\\n";
    files
        .doc("srv/app/credentials/gcp-service-account.json")
        .line("{")
        .secret(Families.GCP, "  \"type\": \"service_account\",")
        .line("  \"project_id\": \"" + project + "\",")
        .maybe(Families.GCP, "  \"private_key_id\": \"" + t.hex(40) + "\",")
        .maybe(Families.GCP, "  \"private_key\": \"" + pem + "\",")
        .also(Families.PRIVATE_KEY)
        .maybe(
            Families.GCP, "  \"client_email\": \"loader@" + project + ".iam.gserviceaccount.com\",")
        .line(
            "  \"client_id\": \"" + t.of(Tokens.DIGITS, 21) + "\",",
            "  \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",",
            "  \"token_uri\": \"https://oauth2.googleapis.com/token\",",
            "  \"auth_provider_x509_cert_url\": \"https://www.googleapis.com/oauth2/v1/certs\",",
            "  \"universe_domain\": \"googleapis.com\"",
            "}")
        .write();
  }

  private static void azure(CorpusFiles files, Tokens t) throws IOException {
    String account = "corpdata" + t.of(Tokens.LOWER + Tokens.DIGITS, 6);
    String sig = t.base64Bytes(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    files
        .doc("srv/app/appsettings.Production.json")
        .line(
            "{",
            "  \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } },",
            "  \"ConnectionStrings\": {")
        .secret(
            Families.AZURE,
            "    \"Storage\": \"DefaultEndpointsProtocol=https;AccountName="
                + account
                + ";AccountKey="
                + t.base64Bytes(64)
                + ";EndpointSuffix=core.windows.net\"")
        .line("  },", "  \"Uploads\": {")
        .secret(
            Families.AZURE,
            "    \"SasUrl\": \"https://"
                + account
                + ".blob.core.windows.net/uploads?sv=2022-11-02&ss=b&srt=co&sp=rwdlac"
                + "&se=2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig="
                + sig
                + "\"")
        .line("  }", "}")
        .write();
  }
}
