"""A small synthetic news archive with planted cross-story cases (for the tests).

Stories are built from a fixed list of ordinary sentences, chosen by a seeded
generator, so no two background paragraphs agree by accident.  Planted:

* 'Zelenskyy' in 12 stories, 'Zelensky' in 2 (NL105 on those 2);
* 'Boris Johnson' in 10 stories and 'Ann Johnston' in 2: two people, not reported;
* 'Kowalski' in 10 stories and 'Maria Kowalska' in 2: a feminine ending, not reported;
* one 30-word paragraph word for word in stories 's05' and 's17' (NL305 on 's17');
* one paragraph in 's08' and, with a figure changed, in 's21' (NL305 on 's21');
* a standard footer paragraph in 10 stories: boilerplate, not reported.
"""

from __future__ import annotations

import random

SENTENCES = [
    "the council met on a wet evening to discuss the budget for next year",
    "residents had complained for months about the state of the roads",
    "officials said the new scheme would cost less than first thought",
    "a spokesperson for the company declined to comment on the figures",
    "the report found that waiting times had risen in most areas",
    "teachers warned that the changes could affect pupils in rural schools",
    "the museum will reopen in spring after a long restoration",
    "farmers said the dry summer had hurt their harvest badly",
    "police appealed for witnesses after the collision on the bypass",
    "the charity said donations had fallen sharply since the winter",
    "engineers began work on the bridge early on monday morning",
    "shoppers were told to expect higher prices before the holidays",
    "the club confirmed that its captain would miss the next two matches",
    "a public meeting will be held at the library next week",
    "researchers said more work was needed before firm conclusions",
    "the airline blamed staff shortages for the cancelled flights",
    "local businesses welcomed the decision to extend the opening hours",
    "the hospital said it was treating a small number of patients",
    "campaigners gathered outside the town hall with banners and flags",
    "the minister promised a full review of the rules by the summer",
]

EXACT = ("Emergency crews worked through the night to clear the flood water from the high street, "
         "and the council said most shops would be able to open again by the end of the week.")
NEAR_A = ("The regional water company said 4,000 homes had been left without supplies after a main burst "
          "near the treatment works, and bottled water was being handed out at three collection points.")
NEAR_B = ("The regional water company said 4,500 homes had been left without supplies after a main burst "
          "near the treatment works, and bottled water was being handed out at three collection points.")
FOOTER = ("This story was produced with help from our regional reporting team, and readers with information "
          "about it can contact the newsdesk by email or telephone at any time of day.")


def _paragraph(rng: random.Random) -> str:
    s = rng.choice(SENTENCES)  # one sentence: shorter than the paragraphs compared
    return s[0].upper() + s[1:] + "."


def stories(n: int = 24, seed: int = 15) -> dict[str, str]:
    """Story id -> text ('s00', 's01', ...), with the planted cases."""
    rng = random.Random(seed)
    out: dict[str, list[str]] = {}
    for i in range(n):
        out[f"s{i:02d}"] = [f"Story number {i} headline", _paragraph(rng), _paragraph(rng)]
    for i in range(12):
        out[f"s{i:02d}"].append(f"President Volodymyr Zelenskyy spoke to reporters. Mr Zelenskyy said the talks {i} went well.")
    for i in (12, 13):
        out[f"s{i:02d}"].append("President Volodymyr Zelensky spoke to reporters. Mr Zelensky said the talks went well.")
    for i in range(10):
        out[f"s{i + 4:02d}"].append("Boris Johnson said the plan was sound. Mr Johnson later left.")
    for i in (20, 21):
        out[f"s{i:02d}"].append("Ann Johnston said the plan was rushed. Ms Johnston later left.")
    for i in range(10):
        out[f"s{i + 2:02d}"].append("Piotr Kowalski, the coach, praised the team. Mr Kowalski was pleased.")
    for i in (22, 23):
        out[f"s{i:02d}"].append("Maria Kowalska, the coach, praised the team. Ms Kowalska was pleased.")
    out["s05"].append(EXACT)
    out["s17"].append(EXACT)
    out["s08"].append(NEAR_A)
    out["s21"].append(NEAR_B)
    for i in range(10):
        out[f"s{i + 10:02d}"].append(FOOTER)
    return {k: "\n\n".join(v) + "\n" for k, v in out.items()}


#: What the cross-story rules should report: (story, code, flagged text's start)
EXPECTED = {
    ("s12", "NL105", "Zelensky"),
    ("s13", "NL105", "Zelensky"),
    ("s17", "NL305", EXACT[:20]),
    ("s21", "NL305", NEAR_B[:20]),
}
