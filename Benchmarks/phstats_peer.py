"""The peer side of validate-phstatsmethods.sh: makes random inputs, and computes the same statistics with
PHStatsMethods (UKHSA's PHEindicatormethods in Python), then compares with Concordat's output.

Usage:
  phstats_peer.py generate N DIR      write DIR/proportions.csv, DIR/counts.csv, DIR/dsr.csv
  phstats_peer.py compare DIR         compare DIR/concordat-*.csv with PHStatsMethods; exit 1 on a difference
"""
import csv
import math
import random
import sys
import warnings

warnings.filterwarnings("ignore")


def generate(n, folder):
    rng = random.Random(2026)
    with open(f"{folder}/proportions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["count", "denominator"])
        for _ in range(n):
            d = rng.choice([1, 5, 20, 100, 1000, 50000]) + rng.randrange(0, 500)
            w.writerow([rng.randrange(0, d + 1), d])
    with open(f"{folder}/counts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["count"])
        for _ in range(n):
            w.writerow([rng.choice([rng.randrange(0, 10), rng.randrange(10, 100), rng.randrange(100, 100000)])])
    with open(f"{folder}/funnel-proportions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["count", "denominator"])
        for _ in range(max(2, n // 10)):
            d = rng.choice([1, 8, 30, 200, 3000, 60000]) + rng.randrange(0, 800)
            p = rng.choice([0.01, 0.1, 0.3, 0.6])
            w.writerow([min(d, max(0, int(rng.gauss(p * d, 2 + (p * d) ** 0.5 * rng.choice([0.5, 1, 3]))))), d])
    with open(f"{folder}/funnel-ratios.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["observed", "expected"])
        for _ in range(max(2, n // 10)):
            e = rng.choice([0.5, 3, 9.5, 40, 700, 20000]) * rng.uniform(0.5, 1.5)
            w.writerow([max(0, int(rng.gauss(e, 1 + e ** 0.5 * rng.choice([0.5, 1, 3])))), round(e, 4)])
    with open(f"{folder}/dsr.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["group", "count", "population"])
        for g in range(max(1, n // 20)):
            scale = rng.choice([0.01, 0.1, 1, 5])
            for band in range(19):
                pop = rng.randrange(50, 20000)
                w.writerow([f"g{g}", int(rng.randrange(0, 40) * scale), pop])


def close(a, b, tolerance=1e-9):
    if a == "" or b is None or (isinstance(b, float) and math.isnan(b)):
        return a == "" and (b is None or (isinstance(b, float) and math.isnan(b)))
    a = float(a)
    return abs(a - b) <= tolerance * max(1.0, abs(b))


def compare(folder):
    import pandas as pd
    import PHStatsMethods as phm
    from PHStatsMethods.confidence_intervals import byars_lower, byars_upper, wilson_lower, wilson_upper

    failures = 0
    checked = 0
    zero_counts = [0]
    for row in csv.DictReader(open(f"{folder}/concordat-wilson.csv")):
        r, n = float(row["count"]), float(row["denominator"])
        for key, peer in (("lower", wilson_lower(r, n, 0.95)), ("upper", wilson_upper(r, n, 0.95))):
            checked += 1
            if not close(row[key], peer):
                failures += 1
                print(f"wilson {r}/{n} {key}: concordat {row[key]} PHStatsMethods {peer}")
    for row in csv.DictReader(open(f"{folder}/concordat-poisson.csv")):
        o = float(row["count"])
        # At a count of 0 PHStatsMethods' exact lower limit is scipy's chi2.ppf(0.025, 0) / 2, which is NaN (no
        # distribution with 0 degrees of freedom); the exact limit is 0 by definition, and Concordat gives 0.
        # That one difference is accounted for here, and counted.
        lower = byars_lower(o, 0.95)
        if o == 0 and math.isnan(lower):
            zero_counts[0] += 1
            lower = 0.0
        peers = [("lower", lower)]
        if o > 0:
            peers.append(("upper", byars_upper(o, 0.95)))
        for key, peer in peers:
            checked += 1
            if not close(row[key], peer, 1e-7):
                failures += 1
                print(f"poisson {o} {key}: concordat {row[key]} PHStatsMethods {peer}")
    frame = pd.read_csv(f"{folder}/dsr.csv")
    frame["band"] = frame.groupby("group").cumcount()
    esp = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]
    frame["esp"] = frame["band"].map(lambda b: esp[b])
    peer = phm.ph_dsr(frame, "count", "population", "esp", group_cols="group", euro_standard_pops=False, metadata=False)
    peer = peer.set_index("group")
    for row in csv.DictReader(open(f"{folder}/concordat-dsr.csv")):
        p = peer.loc[row["group"]]
        for key, column in (("value", "Value"), ("lower", "lower_95_ci"), ("upper", "upper_95_ci")):
            checked += 1
            if not close(row[key], float(p[column])):
                failures += 1
                print(f"dsr {row['group']} {key}: concordat {row[key]} PHStatsMethods {p[column]}")
    from PHStatsMethods.utils_funnel import sigma_adjustment

    funnel = list(csv.DictReader(open(f"{folder}/concordat-proportion-funnel.csv")))
    peer_frame = pd.read_csv(f"{folder}/funnel-proportions.csv")
    peer_frame = phm.assign_funnel_significance(peer_frame, "count", "proportion", denom_col="denominator")
    average = peer_frame["count"].sum() / peer_frame["denominator"].sum()
    for row, (_, peer_row) in zip(funnel, peer_frame.iterrows()):
        checked += 1
        if not close(row["average"], average):
            failures += 1
            print(f"funnel average: concordat {row['average']} PHStatsMethods {average}")
        n = float(row["denominator"])
        if n >= 1:
            # Fingertips' limits table clips to 0…1 (0…100%); the significance uses the same values.
            peers = [
                ("lower95", max(0, sigma_adjustment(0.975, n, average, "low", 1))),
                ("upper95", min(1, sigma_adjustment(0.975, n, average, "high", 1))),
                ("lower998", max(0, sigma_adjustment(0.999, n, average, "low", 1))),
                ("upper998", min(1, sigma_adjustment(0.999, n, average, "high", 1))),
            ]
            for key, peer in peers:
                checked += 1
                if not close(row[key], peer, 1e-8):
                    failures += 1
                    print(f"funnel {row['count']}/{n} {key}: concordat {row[key]} PHStatsMethods {peer}")
            checked += 1
            if row["significance"] != peer_row["significance"]:
                failures += 1
                print(f"funnel {row['count']}/{n}: concordat {row['significance']} PHStatsMethods {peer_row['significance']}")
    ratios = list(csv.DictReader(open(f"{folder}/concordat-ratio-funnel.csv")))
    peer_frame = pd.read_csv(f"{folder}/funnel-ratios.csv")
    peer_frame = phm.assign_funnel_significance(peer_frame, "observed", "ratio", denom_col="expected")
    for row, (_, peer_row) in zip(ratios, peer_frame.iterrows()):
        checked += 1
        if row["significance"] != peer_row["significance"]:
            failures += 1
            print(f"ratio {row['observed']}/{row['expected']}: concordat {row['significance']} "
                  f"PHStatsMethods {peer_row['significance']}")
    print(f"{checked} figures compared with PHStatsMethods: {failures} differ "
          f"({zero_counts[0]} zero counts whose lower limit PHStatsMethods gives as NaN were read as 0)")
    return failures


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(1 if compare(sys.argv[2]) else 0)
