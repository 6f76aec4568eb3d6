from django.db import migrations


class Migration(migrations.Migration):
    """API tokens were kept in plain text by rest_framework.authtoken: its table goes (tokens
    are issued anew, stored hashed, by django-rest-knox)."""

    dependencies = [
        ("org", "0002_password_policy"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS authtoken_token", migrations.RunSQL.noop),
    ]
