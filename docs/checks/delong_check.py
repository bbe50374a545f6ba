# Independent check: DeLong (1988) structural components by their definition, with the m x n
# comparison kernel psi(x, y) = 1 if x > y, 1/2 if equal, 0 otherwise (O(mn), no ranks).
from statistics import NormalDist
def delong(pos, neg):
    m, n = len(pos), len(neg)
    psi = lambda x, y: 1.0 if x > y else (0.5 if x == y else 0.0)
    v10 = [sum(psi(x, y) for y in neg) / n for x in pos]
    v01 = [sum(psi(x, y) for x in pos) / m for y in neg]
    auc = sum(v10) / m
    s10 = sum((v - auc) ** 2 for v in v10) / (m - 1)
    s01 = sum((v - auc) ** 2 for v in v01) / (n - 1)
    var = s10 / m + s01 / n
    z = NormalDist().inv_cdf(0.975)
    return auc, var, auc - z * var ** 0.5, auc + z * var ** 0.5
# Hanley & McNeil 1982 (Radiology 143:29), Table 1: CT ratings 1-5.
normal = [1] * 33 + [2] * 6 + [3] * 6 + [4] * 11 + [5] * 2
abnormal = [1] * 3 + [2] * 2 + [3] * 2 + [4] * 11 + [5] * 33
print("HM", ["%.12f" % v for v in delong(abnormal, normal)])
scores = [0.1, 0.4, 0.35, 0.8, 0.7, 0.2, 0.55, 0.9, 0.3, 0.65, 0.45, 0.6]
outcome = [0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0]
pos = [s for s, o in zip(scores, outcome) if o == 1]; neg = [s for s, o in zip(scores, outcome) if o == 0]
print("small", ["%.12f" % v for v in delong(pos, neg)])
