"""Side-by-side check of `concordat score` against comorbidipy 0.8.0: generates the input, runs the peer,
compares flags and scores, and prints the timing ratio. Called by validate-comorbidipy.sh."""

import random
import sys
import time
from pathlib import Path

import polars as pl
from comorbidipy import comorbidity, hfrs
from comorbidipy.codemaps.mapping import hfrs_mapping, mapping


def generate(people: int, folder: Path) -> None:
    """people × 5 ICD-10 codes (without the dot): half drawn from the index code lists, half elsewhere."""
    rng = random.Random(20261123)
    listed = sorted({p for table in ("charlson_icd10_quan", "elixhauser_icd10_quan") for v in mapping[table].values() for p in v})
    listed += sorted(hfrs_mapping)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    with open(folder / "diagnoses.csv", "w") as out:
        out.write("person_id,code\n")
        for person in range(people):
            for _ in range(5):
                if rng.random() < 0.5:
                    code = rng.choice(listed)
                    code += "".join(rng.choice("0123456789") for _ in range(max(0, 4 - len(code))))
                else:
                    code = rng.choice(letters) + f"{rng.randrange(100):02d}" + str(rng.randrange(10))
                out.write(f"P{person:07d},{code}\n")
    with open(folder / "patients.csv", "w") as out:
        out.write("person_id,age\n")
        for person in range(people):
            out.write(f"P{person:07d},{rng.randrange(0, 100)}\n")


def compare(people: int, folder: Path) -> None:
    ours_times = dict(line.split() for line in (folder / "concordat-times.txt").read_text().splitlines())
    ages = pl.read_csv(folder / "patients.csv")
    runs = [
        ("charlson-quan", dict(score="charlson", weighting="quan")),
        ("charlson-1987", dict(score="charlson", weighting="charlson")),
        ("elixhauser-vw", dict(score="elixhauser", weighting="van_walraven")),
        ("hfrs", None),
    ]
    print(f"\n{people:,} people × 5 codes; comorbidipy 0.8.0 vs concordat score (release build)\n")
    notes: list[str] = []
    print(f"{'index':15} {'flags agree':>12} {'scores agree':>13} {'concordat s':>12} {'comorbidipy s':>14} {'ratio':>7}")
    for index, options in runs:
        start = time.perf_counter()
        df = pl.read_csv(folder / "diagnoses.csv", schema_overrides={"code": pl.Utf8})
        if options is None:
            peer = hfrs(df, id_col="person_id", code_col="code")
        else:
            if index == "charlson-1987":
                df = df.join(ages, on="person_id", how="left")
                peer = comorbidity(df, id_col="person_id", code_col="code", age_col="age", **options)
            else:
                peer = comorbidity(df, id_col="person_id", code_col="code", **options)
        peer.write_csv(folder / f"peer-{index}.csv")
        peer_seconds = time.perf_counter() - start
        ours = pl.read_csv(folder / f"concordat-{index}.csv", schema_overrides={"person_id": pl.Utf8})
        joined = ours.join(peer, on="person_id", how="left", suffix="_peer").fill_null(0)
        if options is None:
            # Gilbert 2018 counts each of the 109 three-character categories once per person; comorbidipy
            # counts a category once per distinct full code (E874 and E878 both add E87's weight). So the
            # scores are checked against an independent per-category sum, and the peer's differences are
            # confirmed to be exactly the people with two codes in one category.
            cats = df.with_columns(cat=pl.col("code").str.slice(0, 3)).filter(pl.col("cat").is_in(list(hfrs_mapping)))
            per_category = (
                cats.unique(["person_id", "cat"])
                .with_columns(w=pl.col("cat").replace_strict(hfrs_mapping))
                .group_by("person_id").agg((pl.col("w").sum() * 10).round(0).cast(pl.Int64).alias("tenths"))
            )
            repeated = cats.unique(["person_id", "code"]).group_by(["person_id", "cat"]).len().filter(pl.col("len") > 1)
            check = joined.join(per_category, on="person_id", how="left").fill_null(0)
            got = (check["score"] * 10).round(0).cast(pl.Int64)
            scores = (got == check["tenths"]).mean()
            differs = check.filter(got != (check["hfrs_score"] * 10).round(0).cast(pl.Int64))["person_id"]
            explained = differs.is_in(repeated["person_id"].implode()).all()
            flags = "—"
            notes.append(
                f"hfrs: scores checked against an independent per-category sum; {differs.len():,} people differ from "
                f"comorbidipy, {'all' if explained else 'NOT all'} of them with two codes in one three-character category")
        else:
            categories = [c for c in ours.columns if c not in ("person_id", "score")]
            agree = [(joined[c] == joined[f"{c}_peer"]).mean() for c in categories]
            flags = f"{min(agree):.4%}"
            peer_score = joined["age_adj_comorbidity_score" if index == "charlson-1987" else "comorbidity_score"]
            if index == "charlson-quan":
                peer_score = peer_score + 2 * joined["aids"]  # Quan 2011 weights AIDS/HIV 4; comorbidipy 2
            scores = (joined["score"] == peer_score.cast(pl.Int64)).mean()
        mine = float(ours_times[index])
        print(f"{index:15} {flags:>12} {scores:>13.4%} {mine:>12.2f} {peer_seconds:>14.2f} {peer_seconds / mine:>6.1f}x")
    for note in notes:
        print(note)


if __name__ == "__main__":
    action, count, where = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    generate(count, where) if action == "generate" else compare(count, where)
