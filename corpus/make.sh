#!/bin/sh
# Regenerate the corpus: render corpus/src/*.json to DOCX, flat ODT and HTML, convert
# them with the real producers, derive the altered copies, and rewrite
# corpus/MANIFEST.tsv. Run from anywhere (`make corpus`); CI never runs it.
# ONLY="id1 id2" remakes just those fixtures and keeps every other PDF and
# its manifest line as they are.
#
# Debian packages: libreoffice-writer libreoffice-calc-nogui chromium wkhtmltopdf
# ghostscript qpdf poppler-utils img2pdf fonts-liberation fonts-dejavu-core
# fontconfig golang texlive-latex-recommended texlive-latex-extra lmodern
# python3-openpyxl
set -eu
cd "$(dirname "$0")/.."

need() {
	command -v "$1" >/dev/null 2>&1 || { echo "make.sh: $1 not found: apt-get install $2" >&2; exit 1; }
}
need soffice libreoffice-writer
need chromium chromium
need wkhtmltopdf wkhtmltopdf
need gs ghostscript
need qpdf qpdf
need pdftoppm poppler-utils
need pdfinfo poppler-utils
need img2pdf img2pdf
need fc-list fontconfig
need go golang
need pdflatex texlive-latex-recommended
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || { echo "make.sh: apt-get install python3-openpyxl" >&2; exit 1; }
for f in "Liberation Sans" "Liberation Sans Narrow" "Liberation Serif" "DejaVu Sans" "DejaVu Serif"; do
	fc-list | grep -q "$f" || { echo "make.sh: font $f missing: apt-get install fonts-liberation fonts-dejavu-core" >&2; exit 1; }
done

# Fixed dates where the producer honours them (Ghostscript does).
SOURCE_DATE_EPOCH=1727773200
export SOURCE_DATE_EPOCH TZ=UTC

BUILD=corpus/build
PDF=corpus/pdf
MAN=corpus/MANIFEST.tsv
TMP=$(mktemp -d)
trap 'rm -rf "$TMP" /tmp/lo-corpus-$$' EXIT
rm -rf "$BUILD"
mkdir -p "$BUILD" "$PDF"
ONLY=${ONLY:-}
if [ -n "$ONLY" ]; then
	cp "$MAN" "$TMP/manifest.old"
else
	rm -f "$PDF"/*.pdf
fi
go run ./corpus/render -src corpus/src -out "$BUILD"

# keep ID: with ONLY set and ID not in it, copy ID's old manifest line and
# tell the caller to make nothing.
keep() {
	[ -n "$ONLY" ] || return 1
	case " $ONLY " in *" $1 "*) return 1 ;; esac
	grep "^$1	" "$TMP/manifest.old" >>"$MAN" || true
	return 0
}

printf 'id\tfile\tsha256\tproducer\tsource\tcommand\tquirk\toutcome\n' >"$MAN"

# producer FILE: the Producer entry pdfinfo reads.
producer() {
	pdfinfo "$1" 2>/dev/null | sed -n 's/^Producer: *//p' | head -1
}

# add ID SOURCE_SPEC COMMAND QUIRK OUTCOME [PRODUCER]: record corpus/pdf/ID.pdf.
add() {
	f="$PDF/$1.pdf"
	sum=$(sha256sum "$f" | cut -d' ' -f1)
	prod=${6:-$(producer "$f")}
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "pdf/$1.pdf" "$sum" "$prod" "$2" "$3" "$4" "$5" >>"$MAN"
}

# lo ID SPEC QUIRK [OUTCOME]: LibreOffice from the spec's DOCX.
lo() {
	keep "$1" && return 0
	soffice_pdf "$1" "$2" docx
	add "$1" "src/$2.json" "render $2.docx; soffice --headless --convert-to pdf $2.docx" "$3" "${4:-ok}"
}

# lodt ID SPEC QUIRK: LibreOffice from the spec's flat ODT.
lodt() {
	keep "$1" && return 0
	soffice_pdf "$1" "$2" fodt
	add "$1" "src/$2.json" "render $2.fodt; soffice --headless --convert-to pdf $2.fodt" "$3" ok
}

# soffice_pdf ID SPEC EXT: convert corpus/build/SPEC.EXT to corpus/pdf/ID.pdf.
soffice_pdf() {
	soffice -env:UserInstallation=file:///tmp/lo-corpus-$$ --headless --convert-to pdf \
		--outdir "$TMP" "$BUILD/$2.$3" >/dev/null 2>&1
	mv "$TMP/$2.pdf" "$PDF/$1.pdf"
}

# chrome ID SPEC QUIRK [OUTCOME]: Chromium from the spec's HTML.
chrome() {
	keep "$1" && return 0
	prof=$(mktemp -d)
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$prof" \
		--print-to-pdf="$PDF/$1.pdf" --no-pdf-header-footer "file://$PWD/$BUILD/$2.html" >/dev/null 2>&1
	rm -rf "$prof"
	add "$1" "src/$2.json" "render $2.html; chromium --headless --print-to-pdf --no-pdf-header-footer $2.html" "$3" "${4:-ok}"
}

# wk ID SPEC QUIRK [OUTCOME]: wkhtmltopdf from the spec's HTML, layout from its .wkargs
# (one argument per line, so values may hold spaces).
wk() {
	keep "$1" && return 0
	(
		IFS='
'
		# shellcheck disable=SC2046
		wkhtmltopdf --quiet $(cat "$BUILD/$2.wkargs") "$BUILD/$2.html" "$PDF/$1.pdf"
	) 2>/dev/null
	add "$1" "src/$2.json" "render $2.html; wkhtmltopdf \$(cat $2.wkargs) $2.html" "$3" "${4:-ok}"
}

# gsd ID FROM SPEC QUIRK: Ghostscript re-distils corpus/pdf/FROM.pdf. Only
# LibreOffice output is re-distilled: Ghostscript 10.00 re-encoding Chromium's
# CID TrueType fonts writes a wrong ToUnicode (fi/fl/ff ligatures become
# u-umlaut, hyphens vanish, curly quotes become < and =), so no extractor
# could recover the printed text that a golden file demands.
gsd() {
	keep "$1" && return 0
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$PDF/$1.pdf" "$PDF/$2.pdf"
	add "$1" "src/$3.json" "gs -sDEVICE=pdfwrite $2.pdf" "$4" ok
}

# qp ID FROM SPEC QUIRK ARGS...: a qpdf copy of corpus/pdf/FROM.pdf.
qp() {
	keep "$1" && return 0
	id=$1 from=$2 src=$3 quirk=$4
	shift 4
	qpdf "$@" "$PDF/$from.pdf" "$PDF/$id.pdf"
	cmd=""
	for a in "$@"; do [ -n "$a" ] && cmd="$cmd $a" || cmd="$cmd \"\""; done
	add "$id" "src/$src.json" "qpdf$cmd $from.pdf $id.pdf" "$quirk" ok \
		"$(qpdf --version | head -1 | sed 's/ version//') on $(producer "$PDF/$from.pdf")"
}

# scan ID FROM SPEC QUIRK: page 1 of corpus/pdf/FROM.pdf as a 100 dpi image, no text layer.
scan() {
	keep "$1" && return 0
	pdftoppm -r 100 -f 1 -l 1 -gray -png "$PDF/$2.pdf" "$TMP/scan"
	img2pdf --creationdate "@$SOURCE_DATE_EPOCH" --moddate "@$SOURCE_DATE_EPOCH" -o "$PDF/$1.pdf" "$TMP"/scan*.png
	rm -f "$TMP"/scan*.png
	add "$1" "src/$3.json" "pdftoppm -r 100 -f 1 -l 1 -gray -png $2.pdf; img2pdf" "$4" no_text \
		"img2pdf on a pdftoppm image of $(producer "$PDF/$2.pdf")"
}

# trunc ID FROM SPEC QUIRK: the first 60% of corpus/pdf/FROM.pdf's bytes.
trunc() {
	keep "$1" && return 0
	n=$(($(wc -c <"$PDF/$2.pdf") * 60 / 100))
	head -c "$n" "$PDF/$2.pdf" >"$PDF/$1.pdf"
	add "$1" "src/$3.json" "head -c 60% $2.pdf" "$4" error "$(producer "$PDF/$2.pdf"), truncated"
}

# tex ID SPEC QUIRK [OUTCOME]: pdflatex from the spec's LaTeX (longtable), run twice so
# that "Page N of M" knows N.
tex() {
	keep "$1" && return 0
	latex_pdf "$1" "$2" "$2"
	add "$1" "src/$2.json" "render $2.tex; pdflatex $2.tex (twice)" "$3" "${4:-ok}"
}

# texl ID SPEC QUIRK: pdflatex from the spec's xltabular LaTeX; a landscape
# spec's tables go on pdflscape pages (portrait pages turned by /Rotate).
texl() {
	keep "$1" && return 0
	latex_pdf "$1" "$2" "$2.xl"
	add "$1" "src/$2.json" "render $2.xl.tex; pdflatex $2.xl.tex (twice)" "$3" ok
}

# latex_pdf ID SPEC JOB: typeset corpus/build/JOB.tex into corpus/pdf/ID.pdf.
latex_pdf() {
	(
		cd "$BUILD"
		for _ in 1 2; do
			pdflatex -interaction=nonstopmode -halt-on-error "$3.tex" >/dev/null 2>&1 ||
				{ echo "make.sh: pdflatex $3.tex failed, see $BUILD/$3.log" >&2; exit 1; }
		done
	)
	mv "$BUILD/$3.pdf" "$PDF/$1.pdf"
}

# calc ID SPEC QUIRK: LibreOffice Calc from an .xlsx that corpus/xlsx.py
# (python3-openpyxl) writes from the spec's sheet layout.
calc() {
	keep "$1" && return 0
	/usr/bin/python3 corpus/xlsx.py "$BUILD/$2.sheet.json" "$BUILD/$2.xlsx"
	soffice_pdf "$1" "$2" xlsx
	add "$1" "src/$2.json" "render $2.sheet.json; xlsx.py; soffice --headless --convert-to pdf $2.xlsx" "$3" ok
}

# The fixtures. Each quirk note says what the PDF pins, checked with
# pdftotext -layout and pdfinfo when the corpus was made.
lo seed_kmbc_dhr05_lo seed_kmbc_dhr05 \
	"the seed plan (KMBC DHR05) rendered faithfully: landscape; unlabeled number column; header not repeated; six pages; rows 3, 5, 6, 8 and 9 break across pages"
chrome seed_kmbc_dhr05_chromium seed_kmbc_dhr05 \
	"the seed plan printed by Chromium (Type0/CID fonts): landscape; header row in tbody so not repeated; seven pages; rows 5, 7, 9 and 10 split across pages, rows 2-3 meet at a clean page break"
gsd seed_kmbc_dhr05_gs seed_kmbc_dhr05_lo seed_kmbc_dhr05 \
	"Ghostscript re-distil of the LibreOffice seed: re-encoded fonts, several cells in one TJ with kerning jumps"
lo ho_stockport_dhr12_lo ho_stockport_dhr12 \
	"Home Office template: landscape; header repeated (tblHeader), centred, shaded, labels wrap; recommendation and scope merged over 3 and 2 action rows (vMerge); Recommendation N: numbering; OFFICIAL header and Page N of M footer; last row (7) breaks across pages 2-3"
qp ho_stockport_dhr12_aes256 ho_stockport_dhr12_lo ho_stockport_dhr12 \
	"AES-256 encryption with an empty user password" --encrypt "" owner 256 --
gsd ho_stockport_dhr12_gs ho_stockport_dhr12_lo ho_stockport_dhr12 \
	"Ghostscript re-distil of the LibreOffice Home Office template: merged cells and repeated header through re-encoded fonts"
scan ho_stockport_dhr12_scan ho_stockport_dhr12_lo ho_stockport_dhr12 \
	"a scanned page: image only, no text layer"
chrome sar_sefton_adult_k_chromium sar_sefton_adult_k \
	"SAR plan with RAG Status, Person responsible, Progress to date: portrait; thead repeated; theme sub-heading rows; instruction row (Roles no names); labelled No. column (1.1); RAG cell fills; OFFICIAL - SENSITIVE header and Page N of M footer from CSS page-margin boxes; row 2.3 breaks across pages 1-2"
qp sar_sefton_adult_k_rotate sar_sefton_adult_k_chromium sar_sefton_adult_k \
	"every page carries /Rotate 90" --rotate=+90
lo mhhr_kmpt_mr_a_lo mhhr_kmpt_mr_a \
	"trust layout (Issues identified | Actions to be taken | Person responsible | Target completion date | Evidence | Progress to date): portrait; header repeated; the progress cell of R1 spans pages 1-4; R1.. numbers at the start of the first cell"
qp mhhr_kmpt_mr_a_objstm mhhr_kmpt_mr_a_lo mhhr_kmpt_mr_a \
	"object streams and a cross-reference stream" --object-streams=generate
chrome mhhr_kmpt_mr_a_chromium mhhr_kmpt_mr_a \
	"the trust layout printed by Chromium: thead repeated; the R1 progress cell spans pages 1-4"
wk mhhr_kmpt_mr_a_wk mhhr_kmpt_mr_a \
	"the trust layout printed by wkhtmltopdf: Qt splits rows R1 (pages 1-2, mid-paragraph) and R3 (pages 2-3) with no closing rule at the page foot, and leaves a blank gap of about two lines inside R1's 'December 2021' paragraph just above the page foot (a gap that is not a paragraph break); the unpatched Qt does not repeat the thead and ignores running footers"
lo cspr_dorset_child_j_lo cspr_dorset_child_j \
	"plan as Appendix 1 of a longer LCSPR report, after prose and a non-plan chronology table; rows never break (cantSplit): R7 moves whole to page 4 leaving a gap; header repeated on page 4; Ref column (R1..); Complete Y/N"
trunc cspr_dorset_child_j_truncated cspr_dorset_child_j_lo cspr_dorset_child_j \
	"a truncated file: the first 60% of the bytes, no xref or trailer"
wk dhr_westminster_mr_b_wk dhr_westminster_mr_b \
	"wkhtmltopdf (Qt): tabs for spaces, no gap between cells; landscape; header not repeated on page 2; Qt put the page break between rows 17.1.1 and 17.1.2; two-line centred header labels; dotted numbers (5.1, 10.2a, 17.1.1); recommendation merged over two rows (rowspan); Local & National, Pan-London scopes"
wk sar_cwac_mr_p_wk sar_cwac_mr_p \
	"three single-agency plan tables in one document, each under its agency heading, numbering restarting at 1; lettered actions a) b) c) in one cell matched to lettered timescales and statuses; the council's table breaks inside row 2 across pages 1-2 with no repeated header (unpatched Qt); fonts embedded whole, not subset"
lo dhr_sefton_mary_lo dhr_sefton_mary \
	"borderless plan table followed directly by prose; centred two-line header labels; numbers at the start of the recommendation cell (1. ...); Progress indicator RAG words; portrait, one page"
lodt dhr_cumbria_sarah_odt dhr_cumbria_sarah \
	"flat ODT through LibreOffice: landscape; table-header-rows repeated; rows kept together (fo:keep-together) so R4 moves whole to page 2; theme sub-heading rows; instruction row; R1 merged over two action rows (number-rows-spanned); OFFICIAL header, Page N of M footer"
lo rowbreak_reduced rowbreak_reduced \
	"minimised case: row 2 breaks from page 1 to page 2 exactly between two paragraphs (Update 2 | Update 3) of its progress cell; header repeated"
lo sar_bolton_mr_m_summary_lo sar_bolton_mr_m_summary \
	"no action plan: a SAR summary with prose and an agency list table" no_plan


# Plans from a blind stress test of the rebuild.
lo s01_dhr_haringey_10col_lo s01_dhr_haringey_10col \
	"ten columns in landscape, 8pt text; update and RAG columns; rows break across pages (stress set)"
chrome s02_sar_norfolk_bullets_chrome s02_sar_norfolk_bullets \
	"bullet lists with bullet and hyphen items in cells; a progress cell running over three pages; header repeated (stress set)"
chrome s03_lcspr_leeds_shortrows_chrome s03_lcspr_leeds_shortrows \
	"28 short rows over several pages; header labels centred vertically over up to seven lines, repeated on every page (stress set)"
lo s05_dhr_kent_merged_cross_lo s05_dhr_kent_merged_cross \
	"a merged recommendation whose action rows cross a page break; Home Office template (stress set)"
lo s07_dhr_wirral_borderless_lo s07_dhr_wirral_borderless \
	"borderless, unnumbered rows with little space between them; a row continuing at a page top with a capital after a line ending mid-phrase; a numbered heading and prose after the table (stress set)"
lodt s07_dhr_wirral_borderless_lodt s07_dhr_wirral_borderless \
	"the same plan from flat ODT: borderless rows, continuation at a page top (stress set)"
chrome s10_sar_cumbria_theme_top_chrome s10_sar_cumbria_theme_top \
	"theme sub-heading rows, one at the top of a page (stress set)"
lo s10_sar_cumbria_theme_top_lo s10_sar_cumbria_theme_top \
	"theme sub-heading rows, one at the top of a page, LibreOffice (stress set)"
lo s14_sar_cumbria_norepeat_split_lo s14_sar_cumbria_norepeat_split \
	"header not repeated; the first line of a page is data that reads like header labels ('update', 'Board') (stress set)"
chrome s15_dhr_wirral_borderless_numbered_chrome s15_dhr_wirral_borderless_numbered \
	"borderless table numbered in its first cell, breaking across a page (stress set)"

wk s15_dhr_wirral_borderless_numbered_wk s15_dhr_wirral_borderless_numbered \
	"the borderless numbered plan from wkhtmltopdf: a tight unlabelled number column, a numbered heading after the table (stress set)"

lo r05_label_paren_continuation_lo r05_label_paren_continuation \
	"a header label wrapping to '(role, not name)'; dates broken mid-token in a narrow column (stress set)"
lo r06_instruction_status_hint_lo r06_instruction_status_hint \
	"an instruction row that names the status words; dates broken mid-token in a narrow column (stress set)"

# Semantic stress set (issue 8): recommendation-only plans, bands, keys and
# letter codes, colour-only RAG, Symbol bullets, tables that only look like plans.
lo u01_sar_calderdale_recs_only_lo u01_sar_calderdale_recs_only \
	"a SAR overview report's recommendations table alone (No. | Recommendation | Addressed to): one row per recommendation, two bodies in one addressee cell, 'All partner agencies'; no action table (semantic stress set)"
chrome u01_sar_calderdale_recs_only_chrome u01_sar_calderdale_recs_only \
	"the recommendation-only SAR printed by Chromium (semantic stress set)"
wk u01_sar_calderdale_recs_only_wk u01_sar_calderdale_recs_only \
	"the recommendation-only SAR printed by wkhtmltopdf: no repeated header, tabs for spaces (semantic stress set)"
lodt u02_dhr_torbay_recs_theme_lodt u02_dhr_torbay_recs_theme \
	"recommendations with Theme and Priority columns (No. | Theme | Recommendation | Lead organisation | Priority), R1.. numbers, after a chronology with an 'Action taken' column that is not a plan; flat ODT, landscape (semantic stress set)"
wk u02_dhr_torbay_recs_theme_wk u02_dhr_torbay_recs_theme \
	"the Theme/Priority recommendations table from wkhtmltopdf (semantic stress set)"
chrome u02_dhr_torbay_recs_theme_chrome u02_dhr_torbay_recs_theme \
	"the Theme/Priority recommendations table from Chromium (semantic stress set)"
lo u03_lcspr_shropshire_bands_lo u03_lcspr_shropshire_bands \
	"band rows 'Recommendation N: ...' across the table over actions N.1, N.2 with no Recommendation column; recommendation 3's actions run onto page 2; letter status codes C / IP / NYS explained by a key line under the table (semantic stress set)"
chrome u03_lcspr_shropshire_bands_chrome u03_lcspr_shropshire_bands \
	"the banded plan with letter codes from Chromium (semantic stress set)"
gsd u03_lcspr_shropshire_bands_gs u03_lcspr_shropshire_bands_lo u03_lcspr_shropshire_bands \
	"Ghostscript re-distil of the LibreOffice banded plan (semantic stress set)"
lo u04_sar_rotherham_instr_legend_lo u04_sar_rotherham_instr_legend \
	"an instruction row printed in the header and repeated with it on page 2, where row 6 breaks across the page; a key row spanning the foot of the table; G / A / R letters with fills (semantic stress set)"
chrome u04_sar_rotherham_instr_legend_chrome u04_sar_rotherham_instr_legend \
	"instruction row in the thead, repeated on page 2 above the continuation of row 5; key row at the foot; Chromium (semantic stress set)"
lodt u04_sar_rotherham_instr_legend_lodt u04_sar_rotherham_instr_legend \
	"instruction row in table-header-rows, repeated on page 2; key row at the foot; flat ODT (semantic stress set)"
lo u05_dhr_wiltshire_colour_only_lo u05_dhr_wiltshire_colour_only \
	"a Status column of colour alone (red, amber, green fills, no text) and no key anywhere: the usual meaning of each colour gives the status (semantic stress set)"
chrome u05_dhr_wiltshire_colour_only_chrome u05_dhr_wiltshire_colour_only \
	"the colour-only status plan from Chromium (semantic stress set)"
wk u05_dhr_wiltshire_colour_only_wk u05_dhr_wiltshire_colour_only \
	"the colour-only status plan from wkhtmltopdf (semantic stress set)"
lo x01_council_incident_complaints_lo x01_council_incident_complaints \
	"not a plan: a council's incident log (Date | Location | Incident | Action taken | Officer | Current status) and complaints register (Action taken | Outcome | Status) (semantic stress set)" no_plan
chrome x01_council_incident_complaints_chrome x01_council_incident_complaints \
	"the incident log and complaints register from Chromium (semantic stress set)" no_plan
lo x02_outbreak_report_lo x02_outbreak_report \
	"not a plan: an outbreak summary (Setting | Date notified | Organism | Cases | Actions taken | Lead | Current status) and a lessons table (semantic stress set)" no_plan
wk x02_outbreak_report_wk x02_outbreak_report \
	"the outbreak summary from wkhtmltopdf (semantic stress set)" no_plan
lo x03_risk_register_training_log_lo x03_risk_register_training_log \
	"not a plan: a risk register (Likelihood | Impact | Score | Mitigating actions | Risk owner | RAG, with fills) and a training log (Attendees | Action taken | Current status) (semantic stress set)" no_plan
chrome x03_risk_register_training_log_chrome x03_risk_register_training_log \
	"the risk register and training log from Chromium (semantic stress set)" no_plan
lo u07_dhr_sunderland_template_codes_lo u07_dhr_sunderland_template_codes \
	"a guidance row that reads like no question or choice ('Full wording of the recommendation'), printed in the header and repeated on page 2; letter codes C, O, NS with no key anywhere; row 4 breaks across pages (semantic stress set)"
chrome u07_dhr_sunderland_template_codes_chrome u07_dhr_sunderland_template_codes \
	"the template plan with its guidance row in the thead, repeated on page 2, from Chromium (semantic stress set)"
lodt u07_dhr_sunderland_template_codes_lodt u07_dhr_sunderland_template_codes \
	"the template plan from flat ODT: guidance row in table-header-rows, row 5 breaks across pages (semantic stress set)"
calc u01_sar_calderdale_recs_only_calc u01_sar_calderdale_recs_only \
	"the recommendation-only SAR from LibreOffice Calc (an .xlsx): prose rows above and below the sheet's table (semantic stress set)"
tex x02_outbreak_report_tex x02_outbreak_report \
	"the outbreak summary typeset by pdflatex: not a plan (semantic stress set)" no_plan
lo u06_mhhr_lincolnshire_symbol_bullets_lo u06_mhhr_lincolnshire_symbol_bullets \
	"Symbol (U+F0B7) and Wingdings (U+F0A7, U+F0D8) bullets stored as w:sym: LibreOffice draws them from OpenSymbol with private-use codes, and draws the text after a Wingdings bullet in a fallback font under /ActualText spans (semantic stress set)"
lodt u06_mhhr_lincolnshire_symbol_bullets_lodt u06_mhhr_lincolnshire_symbol_bullets \
	"the Symbol-bullet plan from flat ODT: bullets in text spans with fo:font-family Symbol/Wingdings, drawn from OpenSymbol with private-use codes (semantic stress set)"

# Geometric stress set (issue 8): borderless tables, pdflatex, LibreOffice Calc.
lo g01_sar_borderless_shaded_lo g01_sar_borderless_shaded \
	"borderless: no rules, header on a shaded band repeated on each page, rows split only by whitespace, long cells breaking across pages (stress set)"
chrome g01_sar_borderless_shaded_chrome g01_sar_borderless_shaded \
	"the borderless plan printed by Chromium: thead repeated on a shaded band, rows split across pages (stress set)"
wk g01_sar_borderless_shaded_wk g01_sar_borderless_shaded \
	"the borderless plan printed by wkhtmltopdf: header not repeated (stress set)"
gsd g01_sar_borderless_shaded_gs g01_sar_borderless_shaded_lo g01_sar_borderless_shaded \
	"Ghostscript re-distil of the borderless LibreOffice plan (stress set)"
calc g01_sar_borderless_shaded_calc g01_sar_borderless_shaded \
	"the borderless plan from an .xlsx through LibreOffice Calc: print title row repeated, shaded header, wrapped cells, fitted to width (stress set)"
tex g01_sar_borderless_shaded_tex g01_sar_borderless_shaded \
	"the borderless plan from pdflatex longtable: header repeated by endhead, justified and hyphenated narrow columns (stress set)"
lo g02_lcspr_borderless_unnumbered_lo g02_lcspr_borderless_unnumbered \
	"borderless with no number column, header on a shaded band not repeated, rows split only by whitespace (stress set)"
chrome g02_lcspr_borderless_unnumbered_chrome g02_lcspr_borderless_unnumbered \
	"borderless unnumbered plan printed by Chromium (stress set)"
tex g02_lcspr_borderless_unnumbered_tex g02_lcspr_borderless_unnumbered \
	"borderless unnumbered plan from pdflatex longtable (stress set)"
tex g03_dhr_landscape_narrow_tex g03_dhr_landscape_narrow \
	"pdflatex longtable on landscape paper: narrow columns hyphenated by TeX (no hyphen in the source), header repeated by endhead, cells breaking across pages (stress set)"
texl g03_dhr_landscape_narrow_texl g03_dhr_landscape_narrow \
	"pdflatex xltabular on pdflscape pages: portrait pages turned by /Rotate, text drawn rotated, TeX hyphenation (stress set)"
lo g03_dhr_landscape_narrow_lo g03_dhr_landscape_narrow \
	"landscape ruled plan with narrow columns, LibreOffice (stress set)"
chrome g03_dhr_landscape_narrow_chrome g03_dhr_landscape_narrow \
	"landscape ruled plan printed by Chromium: page spans of rows split across landscape pages (stress set)"
calc g03_dhr_landscape_narrow_calc g03_dhr_landscape_narrow \
	"landscape plan from an .xlsx through Calc: fitToWidth landscape, print title row, RAG words, wrapped narrow columns (stress set)"

chrome s12_w7_chrome s12_w7 \
	"a recommendation merged (rowspan) over five action rows and itself running across the page break; an action row starts exactly at the top of the new page under the repeated header, with no rule to mark it (stress set)"
chrome s12_w12_chrome s12_w12 \
	"the merged recommendation across a page break at another wording and length (stress set)"
chrome s05_dhr_kent_merged_cross_chrome s05_dhr_kent_merged_cross \
	"the Home Office template's merged recommendation across a page break, printed by Chromium (stress set)"

tex g04_sar_tex_themes_merged_tex g04_sar_tex_themes_merged \
	"pdflatex longtable, portrait: theme rows, a recommendation merged over two actions (printed in its first row, no rule under it), long cells hyphenated by TeX, rows moved whole to the next page (stress set)"
texl g04_sar_tex_themes_merged_texl g04_sar_tex_themes_merged \
	"the same plan in xltabular (stress set)"
lo g04_sar_tex_themes_merged_lo g04_sar_tex_themes_merged \
	"the same plan from LibreOffice: merged recommendation (vMerge), theme rows, rows breaking across pages (stress set)"
chrome g04_sar_tex_themes_merged_chrome g04_sar_tex_themes_merged \
	"the same plan from Chromium: rowspan, theme rows, rows split across pages (stress set)"
gsd g04_sar_tex_themes_merged_gs g04_sar_tex_themes_merged_lo g04_sar_tex_themes_merged \
	"Ghostscript re-distil of the LibreOffice plan with theme rows and a merged recommendation (stress set)"
chrome g05_lcspr_landscape_borderless_chrome g05_lcspr_landscape_borderless \
	"landscape borderless plan from Chromium: shaded header band repeated, unlabelled number column (1.), rows split across landscape pages (stress set)"
lo g05_lcspr_landscape_borderless_lo g05_lcspr_landscape_borderless \
	"landscape borderless plan from LibreOffice, rows breaking across pages (stress set)"
wk g05_lcspr_landscape_borderless_wk g05_lcspr_landscape_borderless \
	"landscape borderless plan from wkhtmltopdf (stress set)"
calc g05_lcspr_landscape_borderless_calc g05_lcspr_landscape_borderless \
	"landscape borderless plan from Calc: print title row, fitted to width, tall rows far apart (stress set)"

gsd g03_dhr_landscape_narrow_texgs g03_dhr_landscape_narrow_tex g03_dhr_landscape_narrow \
	"Ghostscript re-distil of the pdflatex landscape plan: TeX's Type 1 fonts re-encoded, hyphenated narrow columns (stress set)"
calc g04_sar_tex_themes_merged_calc g04_sar_tex_themes_merged \
	"the themed plan from Calc: theme rows merged across the sheet, the recommendation merged down over two action rows, print title row (stress set)"
tex g06_sar_tex_tall_rows_tex g06_sar_tex_tall_rows \
	"pdflatex longtable with rows taller than the page body: a row moved whole to the next page leaves the repeated header alone on a page, runs into the bottom margin over the running footer, and a recommendation merged over two actions is printed only on the page of the first (stress set)"

echo "make.sh: $(($(wc -l <"$MAN") - 1)) PDFs in $PDF, $(du -sh "$PDF" | cut -f1)" >&2
