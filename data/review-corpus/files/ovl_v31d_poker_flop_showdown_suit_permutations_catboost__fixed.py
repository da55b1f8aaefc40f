# label: leakage/none
import itertools
import random

import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SUITS = "cdhs"
CARD_COLS = ["hole1", "hole2", "flop1", "flop2", "flop3"]
NUMERIC = ["n_opponents", "position", "pot_bb", "to_call_bb", "stack_bb",
           "preflop_raises", "flop_bets"]

hands = pd.read_csv("histories/nl50_showdown_hands.csv")
hands = hands[hands["reached_showdown"] == 1].reset_index(drop=True)


def permute_suits(row, mapping):
    out = row.copy()
    for col in CARD_COLS:
        card = row[col]
        out[col] = card[0] + mapping[card[1]]
    return out


def suit_augment(df, n_perm=6, seed=0):
    rnd = random.Random(seed)
    perms = [p for p in itertools.permutations(SUITS) if "".join(p) != SUITS]
    rows = [df]
    for mapping in rnd.sample(perms, n_perm):
        table = dict(zip(SUITS, mapping))
        rows.append(df.apply(permute_suits, axis=1, mapping=table))
    return pd.concat(rows, ignore_index=True)


def card_features(df):
    out = df.copy()
    rank_order = {r: i for i, r in enumerate("23456789TJQKA", start=2)}
    for col in CARD_COLS:
        out[col + "_rank"] = out[col].str[0].map(rank_order)
        out[col + "_suit"] = out[col].str[1]
    out["pair_hole"] = (out["hole1_rank"] == out["hole2_rank"]).astype(int)
    out["suited_hole"] = (out["hole1_suit"] == out["hole2_suit"]).astype(int)
    board = out[["flop1_rank", "flop2_rank", "flop3_rank"]]
    out["hits_board"] = (board.eq(out["hole1_rank"], axis=0).sum(axis=1)
                         + board.eq(out["hole2_rank"], axis=0).sum(axis=1))
    out["board_high"] = board.max(axis=1)
    return out


train_hands, test_hands = train_test_split(hands, test_size=0.2, random_state=42,
                                           stratify=hands["hero_won"])
train = card_features(suit_augment(train_hands.reset_index(drop=True), n_perm=6, seed=42))
test = card_features(test_hands)
cat_cols = [c + "_suit" for c in CARD_COLS]
rank_cols = [c + "_rank" for c in CARD_COLS]
features = rank_cols + cat_cols + NUMERIC + ["pair_hole", "suited_hole", "hits_board", "board_high"]

model = CatBoostClassifier(iterations=1500, depth=6, learning_rate=0.05,
                           loss_function="Logloss", random_seed=42, verbose=200)
model.fit(Pool(train[features], train["hero_won"], cat_features=cat_cols))

p = model.predict_proba(Pool(test[features], cat_features=cat_cols))[:, 1]
print(f"log loss {log_loss(test['hero_won'], p):.4f}")
print(f"AUC      {roc_auc_score(test['hero_won'], p):.4f}")
model.save_model("models/flop_showdown.cbm")
