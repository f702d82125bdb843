package dev.bulkhead.cli.corpus;

import java.io.IOException;

/** Plants SaaS API keys, JWTs, database URLs and generic passwords in application configs. */
final class AppSecrets {
  private AppSecrets() {}

  static void write(CorpusFiles files, Tokens t) throws IOException {
    files
        .doc("srv/app/config/notifications.yml")
        .line("slack:", "  channel: \"#deploys\"")
        .secret(
            Families.SLACK,
            "  bot_token: xoxb-"
                + t.of(Tokens.DIGITS, 12)
                + "-"
                + t.of(Tokens.DIGITS, 13)
                + "-"
                + t.alnum(24))
        .secret(
            Families.SLACK,
            "  webhook_url: https://hooks.slack.com/services/T"
                + t.of(Tokens.UPPER + Tokens.DIGITS, 10)
                + "/B"
                + t.of(Tokens.UPPER + Tokens.DIGITS, 10)
                + "/"
                + t.alnum(24))
        .line("email:", "  provider: sendgrid")
        .secret(
            Families.SENDGRID, "  api_key: SG." + t.base64UrlBytes(16) + "." + t.base64UrlBytes(32))
        .write();
    files
        .doc("srv/app/shop/settings_production.py")
        .line("from .settings import *  # noqa", "", "DEBUG = False")
        .line("ALLOWED_HOSTS = [\"shop.example.com\"]")
        .secret(Families.STRIPE, "STRIPE_SECRET_KEY = \"sk_live_" + t.alnum(99) + "\"")
        .secret(Families.STRIPE, "STRIPE_RESTRICTED_KEY = \"rk_live_" + t.alnum(24) + "\"")
        .maybe(Families.TWILIO, "TWILIO_ACCOUNT_SID = \"AC" + t.hex(32) + "\"")
        .secret(Families.TWILIO, "TWILIO_API_KEY = \"SK" + t.hex(32) + "\"")
        .maybe(Families.TWILIO, "TWILIO_AUTH_TOKEN = \"" + t.hex(32) + "\"")
        .also(Families.GENERIC)
        .write();
    String claims =
        "{\"sub\":\"billing-service\",\"aud\":\"api.example.com\",\"iat\":1767225600,"
            + "\"scope\":\"invoices:write\"}";
    files
        .doc("srv/app/config/application.properties")
        .line("server.port=8080", "spring.application.name=billing")
        .line("spring.datasource.url=jdbc:postgresql://db.internal:5432/billing")
        .line("spring.datasource.username=billing")
        .secret(Families.GENERIC, "spring.datasource.password=" + t.alnum(28))
        .secret(Families.JWT, "billing.upstream.auth-token=" + t.jwt(claims))
        .write();
    files
        .doc("srv/app/config/database.yml")
        .line("production:", "  primary:")
        .secret(
            Families.DATABASE_URL, "    url: mysql://shop:" + t.alnum(18) + "@10.0.3.4:3306/shop")
        .line("  analytics:")
        .secret(
            Families.DATABASE_URL,
            "    url: mongodb+srv://reporter:"
                + t.alnum(16)
                + "@cluster0."
                + t.of(Tokens.LOWER, 5)
                + ".mongodb.net/events")
        .line("  cache:")
        .secret(
            Families.DATABASE_URL, "    url: redis://:" + t.alnum(32) + "@cache.internal:6379/0")
        .write();
    files
        .doc("etc/billing/billing.conf")
        .line("# billing daemon", "listen = 0.0.0.0:9000", "user = billing")
        .secret(Families.GENERIC, "password=" + t.of(Tokens.BASE64, 24))
        .secret(Families.GENERIC, "api_secret = \"" + t.hex(40) + "\"")
        .line("timeout = 30")
        .write();
  }
}
