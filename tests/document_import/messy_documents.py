"""Further messy documents of the seeds' kinds, in our own words with the seeds' facts only, built
here (a .docx through python-docx, an HTML export as Word writes it) so nothing binary is committed."""

import io

import docx

MESSY_CONCEPT_NOTE_HTML = """<html><head><style>p.MsoNormal {margin:0}</style></head><body>
<h1 class="MsoTitle">SECOND GLOBAL MEETING OF CITY-TO-CITY PARTNERSHIPS</h1>
<p class="MsoNormal">(Barcelona, 12\u201314 March 2024)<o:p></o:p></p>
<p class="MsoNormal">DRAFT AGENDA</p>
<p class="MsoNormal">&nbsp;</p>
<h2>Objectives</h2>
<p>Four objectives are pursued:</p>
<ol><li>1) To showcase the <b>RESULTS</b> of the partnerships.</li>
<li>2) To formulate <strong>RECOMMENDATIONS</strong> for the EU.</li></ol>
<p>The meeting dedicates <b>Day 1 to results</b> of the partnerships.</p>
<p><b>Day 2</b> turns to <b>sustainability strategies</b>.</p>
<h2>Site visits</h2>
<p>On the third morning, visits in the Metropolitan Area of Barcelona are proposed as options: (1) housing; (2) sustainable mobility.</p>
<p>The <a href="javascript:alert(1)">proceedings of the first meeting</a> and the
<a href="https://example.org/monitoring-report.pdf">Strategic &amp; Monitoring Report</a> are shared.</p>
<h2>Expected outcomes</h2>
<ul><li>Evidence of the added value of decentralised cooperation.</li><li>A concrete advocacy agenda.</li></ul>
</body></html>"""


def messy_news_docx() -> bytes:
    """A news item as Word keeps it: bookmark markers, nbsp runs, empty paragraphs, markdown, a (#) link."""
    document = docx.Document()
    document.add_heading("EU4Culture network cities meet in Kutaisi", level=1)
    document.add_paragraph(
        "[bookmark: _Hlk115190810]On 6\u20137 October 2022, in Kutaisi, Georgia, 14 non-capital cities met "
        "for the 2nd Regional Network Conference of ***EU4Culture***."
    )
    document.add_paragraph("")
    document.add_paragraph("\u00a0\u00a0\u00a0")
    document.add_heading("Funding", level=2)
    funding = document.add_paragraph("Winner cities received EU funding of ")
    funding.add_run("up to \u20ac300,000").bold = True
    funding.add_run(" each.\u00a0\u00a0The [project page](#) lists them.")
    document.add_paragraph(
        "\u201cThe EU supports cultural exchanges,\u201d said Christophe Masson, Team Leader Inclusive Societies, DG NEAR."
    )
    document.add_paragraph("Armenia", style="List Bullet")
    document.add_paragraph("Georgia", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
