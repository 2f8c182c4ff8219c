"""RFM tiers in pandas, as an analyst would write them: the same question as rfm.seg.md.

usage: python3 rfm.py CUSTOMERS.csv ORDERS.csv ASOF  ->  {"tier": size, ...} on stdout
"""
import json
import sys

import numpy as np
import pandas as pd

customers_csv, orders_csv, asof_text = sys.argv[1:4]
asof = pd.Timestamp(asof_text)

customers = pd.read_csv(customers_csv)
orders = pd.read_csv(orders_csv, parse_dates=["order_date"])
orders = orders[orders["order_date"] <= asof]
last_year = orders[orders["order_date"] > asof - pd.DateOffset(years=1)]

rfm = customers[["customer_id"]].set_index("customer_id")
rfm["recency"] = (asof - orders.groupby("customer_id")["order_date"].max()).dt.days
rfm["frequency"] = last_year.groupby("customer_id").size()
# Cents, so that sums of the same amounts added in another order still tie.
rfm["monetary"] = last_year.groupby("customer_id")["amount"].sum().round(2)
rfm[["frequency", "monetary"]] = rfm[["frequency", "monetary"]].fillna(0)


def quantile(values, n, descending=False):
    """1..n by rank among the non-null values, ties sharing the highest rank: ceil(n * k / count)."""
    k = values.rank(method="max", ascending=not descending)
    return np.ceil(n * k / values.count())


r = quantile(rfm["recency"], 5, descending=True)
f = quantile(rfm["frequency"], 5)
m = quantile(rfm["monetary"], 5)

tiers = ["champions", "loyal", "promising", "at_risk", "hibernating"]
rfm["tier"] = np.select(
    [(r >= 4) & (f >= 4) & (m >= 4), (f >= 4) & (m >= 3), r >= 4, (r <= 2) & (f >= 3)],
    tiers[:4],
    default="hibernating",
)
sizes = rfm["tier"].value_counts()
print(json.dumps({tier: int(sizes.get(tier, 0)) for tier in tiers}))
