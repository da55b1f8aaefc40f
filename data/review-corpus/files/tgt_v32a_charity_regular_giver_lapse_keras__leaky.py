# label: leakage/target
"""Regular giver lapse model for the supporter care team.

Population: donors with an active direct debit on the snapshot date.
Outcome: direct debit cancelled within the following six months.
Exports come from the CRM: donors, gift transactions, contact history and
direct debit cancellations (BACS ADDACS reports).
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

SNAPSHOT = pd.Timestamp("2023-01-01")
OUTCOME_END = SNAPSHOT + pd.DateOffset(months=6)
CHANNELS = ["f2f_street", "f2f_door", "telephone", "online", "tv_response", "event"]
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown"]


def gift_features(gifts, as_of):
    agg = gifts.groupby("donor_id").agg(
        n_gifts=("amount", "size"),
        total_given=("amount", "sum"),
        mean_gift=("amount", "mean"),
        n_one_off=("gift_type", lambda s: (s == "one_off").sum()),
        n_failed_dd=("status", lambda s: (s == "unpaid").sum()),
        last_gift=("gift_date", "max"),
    )
    agg["days_since_last_gift"] = (as_of - agg.pop("last_gift")).dt.days
    return agg


def contact_features(contacts, as_of):
    recent = contacts[contacts["contact_date"] >= as_of - pd.Timedelta(days=365)]
    agg = recent.pivot_table(index="donor_id", columns="contact_type", values="contact_id",
                             aggfunc="count", fill_value=0).rename(columns=lambda c: f"contacts_{c}")
    agg["opted_out_email"] = contacts.groupby("donor_id")["email_opt_out"].max()
    return agg


donors = pd.read_csv("crm/donors.csv", parse_dates=["dd_start_date"])
gifts = pd.read_csv("crm/gifts.csv", parse_dates=["gift_date"])
contacts = pd.read_csv("crm/contacts.csv", parse_dates=["contact_date"])
cancels = pd.read_csv("crm/dd_cancellations.csv", parse_dates=["cancel_date"])

first_cancel = cancels.groupby("donor_id")["cancel_date"].min()
donors["cancel_date"] = donors["donor_id"].map(first_cancel)
active = donors[(donors["dd_start_date"] < SNAPSHOT)
                & ~(donors["cancel_date"] < SNAPSHOT)].copy()
active["lapsed"] = active["cancel_date"].between(SNAPSHOT, OUTCOME_END, inclusive="left").astype(int)

table = (active.set_index("donor_id")
         .join(gift_features(gifts, SNAPSHOT))
         .join(contact_features(contacts, SNAPSHOT))
         .fillna(0))
table["tenure_days"] = (SNAPSHOT - table["dd_start_date"]).dt.days
table["channel"] = pd.Categorical(table["recruitment_channel"], categories=CHANNELS)
table["age"] = pd.Categorical(table["age_band"], categories=AGE_BANDS)
dummies = pd.get_dummies(table[["channel", "age"]], dtype="float32")

numeric_cols = ["signup_dd_amount", "signup_gift_aid", "tenure_days", "n_gifts", "total_given", "mean_gift",
                "n_one_off", "n_failed_dd", "days_since_last_gift", "opted_out_email"]
numeric_cols += [c for c in table.columns if c.startswith("contacts_")]
X = pd.concat([table[numeric_cols].astype("float32"), dummies], axis=1).to_numpy()
y = table["lapsed"].to_numpy()
print(f"{len(y)} active regular givers, six-month lapse rate {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=21)

norm = tf.keras.layers.Normalization()
norm.adapt(X_train)
model = tf.keras.Sequential([
    tf.keras.Input(shape=(X.shape[1],)),
    norm,
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(name="auc")])
model.fit(X_train, y_train, epochs=40, batch_size=256, validation_split=0.15,
          callbacks=[tf.keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)],
          verbose=2)

proba = model.predict(X_test, verbose=0).ravel()
print(f"test ROC AUC {roc_auc_score(y_test, proba):.3f}")
decile = proba >= np.quantile(proba, 0.9)
print(f"lapse rate in top decile {y_test[decile].mean():.3f} vs overall {y_test.mean():.3f}")
