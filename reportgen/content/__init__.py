"""Narrative content: Markdown files with front matter, variables and checks.

Editors write one Markdown file per section in `content/<edition>/<region>/`; this
package reads them into the paragraphs of the document model, fills in variables,
and checks everything an editor can get wrong, with file, line and a fix.
"""

from reportgen.content.edition import new_edition
from reportgen.content.fit import fitted_style, overflow_problem
from reportgen.content.loader import load_subject_content, read_subject_content
from reportgen.content.markdown import ParsedText, parsed_markdown
from reportgen.content.subjectcontent import Headline, SectionContent, SubjectContent

__all__ = [
    "Headline",
    "ParsedText",
    "SubjectContent",
    "SectionContent",
    "fitted_style",
    "load_subject_content",
    "new_edition",
    "overflow_problem",
    "parsed_markdown",
    "read_subject_content",
]
