"""Runs the PDF producers on the sources that gen.py wrote."""

import os
import shutil
import subprocess
import tempfile


def sh(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)


def soffice(src, out):
    """LibreOffice (Writer for .docx, Calc for .xlsx) to PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        sh(["soffice", "-env:UserInstallation=" + profile, "--headless",
            "--convert-to", "pdf", "--outdir", tmp, src])
        made = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + ".pdf")
        shutil.move(made, out)


def chromium(src, out):
    with tempfile.TemporaryDirectory() as tmp:
        sh(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + tmp, "--print-to-pdf=" + os.path.abspath(out),
            "--no-pdf-header-footer", "file://" + os.path.abspath(src)],
           stderr=subprocess.DEVNULL)


def wkhtmltopdf(src, out, doc):
    orient = "Landscape" if doc["page"]["orientation"] == "landscape" else "Portrait"
    cmd = ["wkhtmltopdf", "-q", "--page-size", "A4", "--orientation", orient,
           "--margin-top", "18mm", "--margin-bottom", "18mm",
           "--margin-left", "15mm", "--margin-right", "15mm",
           "--enable-local-file-access"]
    if doc.get("running_header"):
        cmd += ["--header-center", doc["running_header"], "--header-font-size", "8",
                "--header-font-name", "Arial", "--header-spacing", "4"]
    if doc.get("running_footer"):
        cmd += ["--footer-left", doc["running_footer"], "--footer-right", "Page [page] of [topage]",
                "--footer-font-size", "8", "--footer-font-name", "Arial", "--footer-spacing", "4"]
    cmd += [src, out]
    sh(cmd, stderr=subprocess.DEVNULL)


def pdflatex(src, out):
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(src, tmp)
        name = os.path.basename(src)
        for _ in range(3):  # longtable widths and page totals settle over runs
            sh(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", name], cwd=tmp)
        shutil.move(os.path.join(tmp, os.path.splitext(name)[0] + ".pdf"), out)


def ghostscript(src, out):
    sh(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-sOutputFile=" + out, src])


def run(producer, src, out, doc):
    if producer in ("writer", "calc"):
        soffice(src, out)
    elif producer == "chromium":
        chromium(src, out)
    elif producer == "wkhtmltopdf":
        wkhtmltopdf(src, out, doc)
    elif producer == "pdflatex":
        pdflatex(src, out)
    else:
        raise ValueError("unknown producer " + producer)
