"""PDF from the Word document through LibreOffice (Debian libreoffice-writer-nogui), with the
government font names mapped to Noto CJK (fonts.conf) so every character is drawn."""

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from django.utils.translation import gettext as _

FONTS_CONF = Path(__file__).with_name("fonts.conf")
TIMEOUT = 120
# LibreOffice takes a core for a second or more: at most two conversions at once per process,
# a third waits a while, then is told to try again.
_SLOTS = threading.BoundedSemaphore(2)
WAIT = 30


class PdfUnavailable(Exception):
    """The PDF cannot be made now; the message says why, in words for the user."""


def office_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    binary = office_binary()
    if binary is None:
        raise PdfUnavailable(
            _(
                "PDF needs LibreOffice and a Chinese font on the server: install Debian's "
                "libreoffice-writer-nogui and fonts-noto-cjk (the Word document needs neither)."
            )
        )
    if not _SLOTS.acquire(timeout=WAIT):
        raise PdfUnavailable(_("The server is making other PDFs: try again in a minute."))
    try:
        return _convert(binary, docx)
    finally:
        _SLOTS.release()


def _convert(binary: str, docx: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as work:
        source = Path(work) / "report.docx"
        source.write_bytes(docx)
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": work}
        # A profile of its own: two conversions at once must not share LibreOffice's lock.
        profile = Path(work, "profile").as_uri()
        try:
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
        except (subprocess.SubprocessError, OSError) as error:
            raise PdfUnavailable(
                _(
                    "LibreOffice could not make the PDF (%(error)s). The Word document can be "
                    "downloaded meanwhile; tell the system administrator."
                )
                % {"error": type(error).__name__}
            ) from error
