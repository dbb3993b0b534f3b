#!/usr/bin/python3
"""Writes a trained model's assets: the .tflite, its training record (.json) and its model
card (.md), with the int8 figures measured by our own engine and checked by Arm NN.

A training script calls write_model(); `model_card.py --tinytwin T assets/models/*.json`
regenerates the cards from the training records without retraining. Every number on a card
is measured: int8 accuracy by `tinytwin eval`, MACs, weights and arena by `tinytwin info`,
agreement with Arm NN by tools/armnn_check.
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARMNN_CHECK = os.path.join(HERE, "..", "armnn_check", "armnn_check.py")


def _tinytwin_json(tinytwin, *args):
    out = subprocess.run([tinytwin, *args, "--json"], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout)


def measure(tinytwin, model_path, record):
    """int8 accuracy, info and the Arm NN cross-check of one exported model."""
    info = _tinytwin_json(tinytwin, "info", model_path)
    limit = ["--limit", str(record["eval_limit"])] if record.get("eval_limit") else []
    evaluation = _tinytwin_json(tinytwin, "eval", "--app", record["app"], "--data",
                                record["eval_data"], "--model", model_path, *limit)
    report = model_path + ".armnn.json"
    armnn = subprocess.run([sys.executable, ARMNN_CHECK, "--tinytwin", tinytwin, "--models",
                            model_path, "--inputs", "100", "--json-report", report],
                           capture_output=True, text=True)
    armnn_result = None
    if os.path.exists(report):
        with open(report) as f:
            results = json.load(f)
        os.remove(report)
        models = results.get("models", [])
        armnn_result = models[0] if models else None
    if armnn.returncode != 0:
        raise RuntimeError(f"Arm NN check of {model_path} failed:\n{armnn.stdout}{armnn.stderr}")
    return info, evaluation, armnn_result


def _confusion_table(labels, confusion):
    head = "| true \\ predicted | " + " | ".join(labels) + " |"
    rule = "|---" * (len(labels) + 1) + "|"
    rows = [f"| {labels[i]} | " + " | ".join(str(v) for v in row) + " |"
            for i, row in enumerate(confusion)]
    return "\n".join([head, rule] + rows)


def card_text(record, info, evaluation, armnn):
    name = record["name"]
    layers = "\n".join(
        f"| {l['index']} | {l['op']} | {'x'.join(map(str, l['output']))} | {l['macs']:,} | "
        f"{l['weight_bytes']:,} |" for l in info["layers"])
    inp = info["inputs"][0]
    armnn_line = "not measured"
    if armnn:
        armnn_line = (f"loads and runs in Arm NN (CpuRef); on {armnn['inputs']} random inputs "
                      f"argmax agreement {armnn['argmax_agreement'] * 100:.0f} %, outputs "
                      f"identical {armnn['exact_rate'] * 100:.0f} %, max difference "
                      f"{armnn['max_lsb']} LSB (`tools/armnn_check`)")
    return f"""# Model card: `{name}.tflite`

{record['task']}.

| | |
|---|---|
| int8 accuracy (`tinytwin eval`) | **{evaluation['accuracy'] * 100:.2f} %** ({evaluation['correct']:,} / {evaluation['n']:,}) |
| float32 accuracy (PyTorch, same data) | {record['float_accuracy'] * 100:.2f} % ({record['float_n']:,}) |
| MACs per inference | {info['total_macs']:,} |
| weights (bytes in the plan) | {info['weight_bytes']:,} |
| arena (bytes, `tinytwin info`) | {info['arena_bytes']:,} |
| input | `{inp['shape']}` int8, scale {inp['scale']:.8g}, zero point {inp['zero_point']}: {record['input']} |
| Arm NN | {armnn_line} |

**Architecture.** {record['architecture']}

| # | op | output | MACs | weight bytes |
|---|---|---|---|---|
{layers}

**Data and split.** {record['data']}

**Training.** {record['training']}.

**Quantization.** {record['quantization']}.

**Reproduce.** `tools/train/train_all.sh` (fixed seeds) retrains every shipped model;
this one came from `tools/train/{record['script']}`. The int8 accuracy above is
`tinytwin eval --app {record['app']} --data DATA --model assets/models/{name}.tflite`.

**Confusion matrix** (int8, rows: true class, columns: predicted):

{_confusion_table(record['labels'], evaluation['confusion'])}
"""


def write_card(model_path, record, tinytwin):
    info, evaluation, armnn = measure(tinytwin, model_path, record)
    record = dict(record, int8_accuracy=evaluation["accuracy"], int8_n=evaluation["n"])
    with open(os.path.splitext(model_path)[0] + ".md", "w") as f:
        f.write(card_text(record, info, evaluation, armnn))
    print(f"{record['name']}: int8 accuracy {evaluation['accuracy'] * 100:.2f} % "
          f"({evaluation['n']}), arena {info['arena_bytes']} B, weights "
          f"{info['weight_bytes']} B, MACs {info['total_macs']}")
    return record


def write_model(model_path, blob, record, tinytwin=None):
    """Writes the .tflite and its training record; the card too when tinytwin is given."""
    os.makedirs(os.path.dirname(os.path.abspath(model_path)), exist_ok=True)
    with open(model_path, "wb") as f:
        f.write(blob)
    record = dict(record, script=os.path.basename(sys.argv[0]))
    # The record names the data folder as given; keep machine paths out of the repository.
    stored = dict(record, eval_data=os.path.basename(os.path.normpath(record["eval_data"])))
    with open(os.path.splitext(model_path)[0] + ".json", "w") as f:
        json.dump(stored, f, indent=1, sort_keys=True)
    print(f"wrote {model_path} ({len(blob)} bytes)")
    if tinytwin:
        write_card(model_path, record, tinytwin)


def main(argv):
    p = argparse.ArgumentParser(description="regenerate model cards from training records")
    p.add_argument("--tinytwin", required=True)
    p.add_argument("--data-root", required=True,
                   help="folder holding the datasets named in the records")
    p.add_argument("records", nargs="+")
    args = p.parse_args(argv)
    for path in args.records:
        with open(path) as f:
            record = json.load(f)
        if record["app"] == "kws":  # rebuild the held-out folder the card was measured on
            import kws_data

            record["eval_data"] = os.path.join(HERE, "..", "..", "build", "kws_test_set")
            kws_data.write_test_folder(os.path.join(args.data_root, "speech_commands"),
                                       record["eval_data"])
        else:
            record["eval_data"] = os.path.join(args.data_root, record["eval_data"])
        write_card(os.path.splitext(path)[0] + ".tflite", record, args.tinytwin)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
