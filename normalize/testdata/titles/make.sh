#!/bin/sh
# Renders the title-block fixtures: t1-t3 with Chromium, t4-t6 with
# LibreOffice Writer (HTML read as a Writer document). Needs chromium and libreoffice; not run
# by CI (the PDFs are committed).
set -e
cd "$(dirname "$0")"
for f in t1_dhr_colon t2_sar_dash t3_dhr_deathof; do
	chromium --headless --no-sandbox --print-to-pdf="$f.pdf" --no-pdf-header-footer "$f.html" 2>/dev/null
done
for f in t4_name_type t5_cspr_nextline t6_joint_mr; do
	soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export "$f.html" >/dev/null
done
