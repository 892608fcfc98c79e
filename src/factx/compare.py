"""Claims of many articles side by side, per party.

`Comparison.add` takes documents (from extraction or from factx JSON/JSONL output) and
merges repeated claims: the same party, kind, numbers (or place, event, quote) and date
in several articles is one entry that keeps every article. `build` turns the entries into
the structure `--format json` prints; `grids` lays it out as tables (one column per party)
for `--format table|markdown`, `csv_rows` as one long table.

The date of a claim is the date the text gives it, else its article's publication date.
Claims in an outlet's own voice (`party: null`) go to the column `unattributed`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .output import figure, point, qualifier, shorten, write_grids

PREFERRED = ("armenia", "azerbaijan", "nagorno-karabakh", "russia")
UNATTRIBUTED = "unattributed"
KINDS = ("casualty", "attack", "ceasefire", "quote")
OUTCOMES = ("killed", "wounded", "missing", "captured", "casualties")
VICTIMS = ("military", "civilian", "unspecified")
EVENTS = ("agreed", "proposed", "violated", "collapsed", "rejected")


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def party_order(party: str) -> tuple:
    if party in PREFERRED:
        return (0, PREFERRED.index(party), "")
    return (2, 0, "") if party in (UNATTRIBUTED, "unspecified") else (1, 0, party)


def _latest_first(entries: list["Entry"]) -> list["Entry"]:
    return sorted(entries, key=lambda e: e.date or "", reverse=True)  # stable: undated last, ties in input order


def _drop_empty_columns(headers: list[str], rows: list[list[str]], first: int, last: int) -> tuple:
    """Party columns (headers[first:len-last]) where no row has anything are left out of a grid."""
    keep = [i for i in range(len(headers))
            if i < first or i >= len(headers) - last or any(row[i] for row in rows)]
    return [headers[i] for i in keep], [[row[i] for i in keep] for row in rows]


@dataclass
class Entry:
    party: str
    kind: str
    claim: dict
    date: str | None
    sources: list[str] = field(default_factory=list)


class Comparison:
    def __init__(self) -> None:
        self.entries: dict[tuple, Entry] = {}

    # -- input --------------------------------------------------------------------------------
    def add(self, doc: dict) -> None:
        source = doc.get("source") or "-"
        for c in doc.get("claims") or []:
            kind = c.get("kind")
            if kind not in KINDS:
                continue
            party = c.get("party") or UNATTRIBUTED
            date = c.get("date") or doc.get("published") or c.get("published")
            if kind == "attack":
                for loc in c.get("locations") or []:
                    place = loc.get("place") or "name:" + _fold(loc.get("name"))
                    self._put((party, kind, place, date), Entry(party, kind, {**c, "locations": [loc]}, date), source)
            else:
                self._put((party, kind, *self._identity(kind, c), date), Entry(party, kind, c, date), source)

    @staticmethod
    def _identity(kind: str, c: dict) -> tuple:
        if kind == "casualty":
            n = c.get("count") or {}
            return (c.get("victim_party"), c.get("victims"), c.get("outcome"),
                    n.get("value"), n.get("min"), n.get("max"), bool(n.get("approximate")))
        if kind == "ceasefire":
            return (c.get("event"), c.get("accused"), c.get("count"))
        return (_fold(c.get("speaker")), _fold(c.get("text")))

    def _put(self, key: tuple, entry: Entry, source: str) -> None:
        entry = self.entries.setdefault(key, entry)
        if source not in entry.sources:
            entry.sources.append(source)

    # -- structure ----------------------------------------------------------------------------
    def parties(self, only: list[str] | None = None) -> list[str]:
        if only:
            return list(dict.fromkeys(only))
        return sorted({e.party for e in self.entries.values()}, key=party_order)

    def build(self, parties: list[str] | None = None, kinds: list[str] | tuple = KINDS,
              places: dict[str, dict] | None = None) -> dict:
        cols = self.parties(parties)
        picked = [e for e in self.entries.values() if e.party in cols and e.kind in kinds]
        out: dict = {"parties": cols}
        by_kind = {k: [e for e in picked if e.kind == k] for k in KINDS}
        if "casualty" in kinds:
            out["casualties"] = self._casualties(by_kind["casualty"], cols)
        if "attack" in kinds:
            out["attacks"] = self._attacks(by_kind["attack"], cols, places or {})
        if "ceasefire" in kinds:
            out["ceasefires"] = self._ceasefires(by_kind["ceasefire"], cols)
        if "quote" in kinds:
            out["quotes"] = self._quotes(by_kind["quote"], cols)
        return out

    @staticmethod
    def _group(entries: list[Entry], row_key) -> dict[tuple, dict[str, list[Entry]]]:
        rows: dict[tuple, dict[str, list[Entry]]] = {}
        for e in entries:
            rows.setdefault(row_key(e), {}).setdefault(e.party, []).append(e)
        return rows

    def _casualties(self, entries: list[Entry], cols: list[str]) -> list[dict]:
        def row_key(e: Entry) -> tuple:
            c = e.claim
            return (c.get("victim_party") or "unspecified", c.get("victims") or "unspecified",
                    c.get("outcome") or "casualties")

        def order(key: tuple) -> tuple:
            side, victims, outcome = key
            return (OUTCOMES.index(outcome) if outcome in OUTCOMES else 9, party_order(side),
                    VICTIMS.index(victims) if victims in VICTIMS else 9)

        rows = []
        grouped = self._group(entries, row_key)
        for key in sorted(grouped, key=order):
            side, victims, outcome = key
            figures = {p: [self._figure(e) for e in _latest_first(es)] for p, es in grouped[key].items()}
            figures = {p: figures[p] for p in cols if p in figures}
            rows.append({"victim_party": None if side == "unspecified" else side, "victims": victims,
                         "outcome": outcome, "figures": figures, "spread": self._spread(figures)})
        return rows

    @staticmethod
    def _figure(e: Entry) -> dict:
        c = e.claim
        return {"figure": figure(c.get("count")), "qualifier": qualifier(c.get("count")) or None,
                "count": c.get("count"), "date": e.date, "since": c.get("since"), "speaker": c.get("speaker"),
                "articles": list(e.sources)}

    @staticmethod
    def _spread(figures: dict[str, list[dict]]) -> dict | None:
        """Between the parties' latest figures: the lowest, the highest and the gap."""
        latest = [(point(fs[0]["count"]), p) for p, fs in figures.items() if fs and point(fs[0]["count"]) is not None]
        if len(latest) < 2:
            return None
        lo, hi = min(latest), max(latest)
        return {"low": {"party": lo[1], "count": lo[0]}, "high": {"party": hi[1], "count": hi[0]},
                "difference": hi[0] - lo[0]}

    def _attacks(self, entries: list[Entry], cols: list[str], places: dict[str, dict]) -> list[dict]:
        def row_key(e: Entry) -> tuple:
            loc = e.claim["locations"][0]
            return (loc.get("place") or "name:" + _fold(loc.get("name")),)

        rows = []
        for (key,), per_party in self._group(entries, row_key).items():
            locs = [e.claim["locations"][0] for es in per_party.values() for e in es]
            place = locs[0].get("place")
            names = places.get(place or "", {})
            written = list(dict.fromkeys(loc.get("name") for loc in locs if loc.get("name")))
            reports = {p: [{"date": e.date, "attacker": e.claim.get("attacker"), "weapon": e.claim.get("weapon"),
                            "articles": list(e.sources)} for e in _latest_first(per_party[p])]
                       for p in cols if p in per_party}
            rows.append({"place": place, "armenian": names.get("armenian"), "azerbaijani": names.get("azerbaijani"),
                         "as_written": written, "reports": reports})
        rows.sort(key=lambda r: (-len(r["reports"]), -sum(map(len, r["reports"].values())), self.place_label(r)))
        return rows

    @staticmethod
    def place_label(row: dict) -> str:
        arm, aze = row.get("armenian"), row.get("azerbaijani")
        if arm and aze and arm != aze:
            return f"{arm} / {aze}"
        return arm or aze or (row["as_written"][0] if row["as_written"] else row.get("place") or "?")

    def _ceasefires(self, entries: list[Entry], cols: list[str]) -> dict:
        grouped = self._group(entries, lambda e: (e.claim.get("event") or "?",))
        events = []
        for (event,) in sorted(grouped, key=lambda k: EVENTS.index(k[0]) if k[0] in EVENTS else 9):
            per_party = grouped[(event,)]
            events.append({"event": event, "reports": {
                p: [{"date": e.date, "accused": e.claim.get("accused"), "count": e.claim.get("count"),
                     "articles": list(e.sources)} for e in _latest_first(per_party[p])]
                for p in cols if p in per_party}})
        accusations: dict[tuple, list[Entry]] = {}
        for e in entries:
            if e.claim.get("accused"):
                accusations.setdefault((e.party, e.claim["accused"]), []).append(e)
        acc = [{"accuser": a, "accused": b, "reports": len(es), "dates": [e.date for e in _latest_first(es)],
                "articles": list(dict.fromkeys(s for e in es for s in e.sources))}
               for (a, b), es in accusations.items()]
        acc.sort(key=lambda r: (-r["reports"], party_order(r["accuser"]), r["accused"]))
        return {"events": events, "accusations": acc}

    def _quotes(self, entries: list[Entry], cols: list[str]) -> list[dict]:
        grouped: dict[tuple, list[Entry]] = {}
        for e in entries:
            grouped.setdefault((e.party, _fold(e.claim.get("speaker"))), []).append(e)
        rows = []
        for (party, _), es in grouped.items():
            latest = _latest_first(es)[0]
            rows.append({"party": party, "speaker": latest.claim.get("speaker") or es[0].claim.get("speaker"),
                         "count": len(es), "latest": {"text": latest.claim.get("text"), "date": latest.date,
                                                      "articles": list(latest.sources)}})
        rows.sort(key=lambda r: (cols.index(r["party"]), -r["count"], _fold(r["speaker"])))
        return rows

    # -- layouts ------------------------------------------------------------------------------
    def grids(self, result: dict) -> list[tuple[str, list[str], list[list[str]]]]:
        """Tables for the eye: cells cite articles as [n], listed in a last table."""
        cols = result["parties"]
        grids = []
        refs: dict[str, int] = {}

        def cite(sources: list[str]) -> str:
            return "[" + ",".join(map(str, sorted(refs.setdefault(s, len(refs) + 1) for s in sources))) + "]"

        def when(x: dict) -> str:
            return f"{x['date'] or 'undated'} {cite(x['articles'])}"

        if result.get("casualties"):
            rows = []
            for r in result["casualties"]:
                label = " ".join(x for x in (r["victims"] if r["victims"] != "unspecified" else "", r["outcome"]) if x)
                label += f"\n{r['victim_party']}'s" if r["victim_party"] else "\nside not given"
                cells = ["\n".join(f"{f['figure']}\n  {when(f)}" for f in r["figures"].get(p, [])) for p in cols]
                s = r["spread"]
                spread = (f"{s['difference']:,}\n{s['low']['party']} {s['low']['count']:,}\n"
                          f"{s['high']['party']} {s['high']['count']:,}") if s else ""
                rows.append([label, *cells, spread])
            grids.append(("Casualties (latest first)",
                          *_drop_empty_columns(["victims", *cols, "spread"], rows, 1, 1)))
        if result.get("attacks"):
            rows = [[self.place_label(r) + (f"\n{r['place']}" if r["place"] else ""),
                     *["\n".join(when(x) for x in r["reports"].get(p, [])) for p in cols]] for r in result["attacks"]]
            grids.append(("Places attacked", *_drop_empty_columns(["place", *cols], rows, 1, 0)))
        cf = result.get("ceasefires")
        if cf and cf["events"]:
            rows = [[r["event"], *["\n".join(
                when(x) + (f" accuses {x['accused']}" if x["accused"] else "") + (f" x{x['count']}" if x["count"] else "")
                for x in r["reports"].get(p, [])) for p in cols]] for r in cf["events"]]
            grids.append(("Ceasefires", *_drop_empty_columns(["event", *cols], rows, 1, 0)))
            if cf["accusations"]:
                grids.append(("Ceasefire violations: who accuses whom", ["accuser", "accused", "articles", "latest"],
                              [[a["accuser"], a["accused"], str(len(a["articles"])), a["dates"][0] or "undated"]
                               for a in cf["accusations"]]))
        if result.get("quotes"):
            rows = [[q["party"], q["speaker"] or "(unnamed)", str(q["count"]),
                     f"“{shorten(q['latest']['text'] or '', 90)}”\n{when(q['latest'])}"] for q in result["quotes"]]
            grids.append(("Quotes per speaker", ["party", "speaker", "quotes", "latest"], rows))
        if refs:
            grids.append(("Articles", ["#", "article"], [[str(n), s] for s, n in refs.items()]))
        return grids

    @staticmethod
    def csv_rows(result: dict) -> list[list]:
        head = ["section", "row", "party", "figure", "value", "min", "max", "approximate", "date", "articles"]
        rows: list[list] = [head]
        for r in result.get("casualties", []):
            label = f"{r['victim_party'] or 'unspecified'} {r['victims']} {r['outcome']}"
            for p, figs in r["figures"].items():
                for f in figs:
                    n = f["count"] or {}
                    rows.append(["casualty", label, p, f["figure"], n.get("value"), n.get("min"), n.get("max"),
                                 n.get("approximate"), f["date"], "; ".join(f["articles"])])
        for r in result.get("attacks", []):
            for p, xs in r["reports"].items():
                for x in xs:
                    rows.append(["attack", r["place"] or r["as_written"][0], p, "attacked", None, None, None, None,
                                 x["date"], "; ".join(x["articles"])])
        for r in (result.get("ceasefires") or {}).get("events", []):
            for p, xs in r["reports"].items():
                for x in xs:
                    what = r["event"] + (f", accuses {x['accused']}" if x["accused"] else "")
                    rows.append(["ceasefire", r["event"], p, what, x["count"], None, None, None, x["date"],
                                 "; ".join(x["articles"])])
        for q in result.get("quotes", []):
            rows.append(["quote", q["speaker"], q["party"], q["latest"]["text"], q["count"], None, None, None,
                         q["latest"]["date"], "; ".join(q["latest"]["articles"])])
        return [["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in row] for row in rows]

    def write(self, out, fmt: str, parties: list[str] | None = None, kinds=KINDS, rules=()) -> None:
        places = place_names(rules) if "attack" in kinds and any(
            e.kind == "attack" and e.claim["locations"][0].get("place") for e in self.entries.values()) else {}
        result = self.build(parties, kinds, places)
        if fmt == "json":
            out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "csv":
            import csv
            import io

            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerows(self.csv_rows(result))
            out.write(buf.getvalue())
        else:
            grids = self.grids(result)
            if not grids:
                out.write("No claims to compare.\n")
                return
            write_grids(out, grids, fmt)


def place_names(rules=()) -> dict[str, dict]:
    """Both sides' names of every gazetteer place: {id: {"armenian": ..., "azerbaijani": ...}}."""
    from .engine.loader import RuleError, get_ruleset

    ruleset = get_ruleset(tuple(rules))
    if ruleset.errors:
        raise RuleError(ruleset.errors)
    out = {}
    for pid, (place, _origin) in ruleset.places.items():
        neutral = place.neutral[0] if place.neutral else None
        out[pid] = {"armenian": place.armenian[0] if place.armenian else neutral,
                    "azerbaijani": place.azerbaijani[0] if place.azerbaijani else neutral}
    return out
