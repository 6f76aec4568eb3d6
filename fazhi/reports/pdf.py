"""PDF from the Word document through LibreOffice (Debian libreoffice-writer-nogui), with the
government font names mapped to Noto CJK (fonts.conf) so every character is drawn."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

FONTS_CONF = Path(__file__).with_name("fonts.conf")
TIMEOUT = 180


def office_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    binary = office_binary()
    if binary is None:
        raise ImproperlyConfigured(
            _(
                "PDF needs LibreOffice and a Chinese font on the server: install Debian's "
                "libreoffice-writer-nogui and fonts-noto-cjk (the Word document needs neither)."
            )
        )
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as work:
        source = Path(work) / "report.docx"
        source.write_bytes(docx)
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": work}
        # A profile of its own: two conversions at once must not share LibreOffice's lock.
        profile = Path(work, "profile").as_uri()
        subprocess.run(  # noqa: S603 - our own binary and arguments, no shell
            [
                binary,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            env=env,
            capture_output=True,
            timeout=TIMEOUT,
        )
        return (Path(work) / "report.pdf").read_bytes()
