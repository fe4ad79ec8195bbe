"""The article's reference as files for reference managers: BibTeX (biblatex's
@online, as Quarto writes it), RIS and CSL-JSON, each made from the same
facts as the APA reference (trustsite.citation.CitedArticle)."""

import json
import re

from trustsite.citation import CitedArticle, family_and_given
from trustsite.settings import FileNames

# BibTeX's special characters, written so that LaTeX prints them as themselves.
_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
          "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _one_line(text: str) -> str:
    """`text` on one line: RIS ends a field, and a BibTeX value reads better, at a line's end."""
    return " ".join(text.split())


def _latex(text: str) -> str:
    return "".join(_LATEX.get(character, character) for character in _one_line(text))


def _family_first(name: str) -> str:
    """A person's name as reference formats write it: "Smith, Jane Anne"."""
    return ", ".join(part for part in family_and_given(name) if part)


def bibtex(article: CitedArticle) -> str:
    fields = []
    if article.authors:
        fields.append(("author", " and ".join(_latex(_family_first(person.name)) for person in article.authors)))
    elif article.publisher:
        # In double braces, a group's name is one name, never split into family and given.
        fields.append(("author", "{" + _latex(article.publisher) + "}"))
    fields += [("title", "{" + _latex(article.title) + "}"), ("date", article.published.isoformat())]
    if article.publisher:
        fields.append(("organization", _latex(article.publisher)))
    # A URL is written as it is in biblatex's url field, but a brace would end it.
    fields += [("url", re.sub(r"[{}\\%#\s]", "", article.url)), ("langid", _latex(article.language))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{article.key},\n{body}\n}}\n"


def ris(article: CitedArticle) -> str:
    lines = [("TY", "ELEC")]
    lines += [("AU", _family_first(person.name)) for person in article.authors]
    if not article.authors and article.publisher:
        lines.append(("AU", article.publisher))
    lines += [("TI", article.title), ("T2", article.site_name), ("PY", str(article.published.year)),
              ("DA", article.published.strftime("%Y/%m/%d/"))]
    if article.publisher:
        lines.append(("PB", article.publisher))
    lines += [("UR", article.url), ("LA", article.language), ("ER", "")]
    # RIS's lines end in CR LF; its last, ER, has no value.
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


def csl_json(article: CitedArticle) -> str:
    item = {"id": article.key, "type": "webpage", "title": article.title, "container-title": article.site_name}
    if article.authors:
        item["author"] = [{"family": family, "given": given} if given else {"family": family}
                          for family, given in (family_and_given(person.name) for person in article.authors)]
    elif article.publisher:
        item["author"] = [{"literal": article.publisher}]
    if article.publisher:
        item["publisher"] = article.publisher
    day = article.published
    item |= {"issued": {"date-parts": [[day.year, day.month, day.day]]}, "URL": article.url,
             "language": article.language}
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"



def citation_files(article: CitedArticle, names: FileNames) -> list[tuple[str, str, str]]:
    """Each file as (its name, the format's name as readers know it, its text)."""
    return [(names.bibtex, "BibTeX", bibtex(article)), (names.ris, "RIS", ris(article)),
            (names.csl_json, "CSL-JSON", csl_json(article))]
