#!/usr/bin/env bash
# Retrains every shipped model from its dataset with fixed seeds and rewrites
# assets/models/*.{tflite,json,md}. Run from the repository root after ./run.sh has built
# build/host (the features and the model cards come from tinytwin). One model at a time:
# training uses every core.
#   tools/train/train_all.sh [DATA_ROOT]   (default ../shared/datasets; it needs mnist/,
#                                           cifar10/ and speech_commands/ below it)
# Times on a 2-core machine: MNIST ~10 min each, CIFAR-10 ~25 min, KWS ~10 min each.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/datasets}
tinytwin=build/host/tools/tinytwin/tinytwin
py=/usr/bin/python3
[ -x "$tinytwin" ] || { echo "train_all.sh: build $tinytwin first (./run.sh)" >&2; exit 1; }
# Large tensors are allocated every step; keeping them in the heap avoids page-fault churn.
export MALLOC_MMAP_THRESHOLD_=1000000000 MALLOC_TRIM_THRESHOLD_=100000000000
$py tools/train/train_mnist.py --arch mlp --data "$data/mnist" --tinytwin "$tinytwin"
$py tools/train/train_mnist.py --arch cnn --data "$data/mnist" --tinytwin "$tinytwin"
$py tools/train/train_cifar10.py --data "$data/cifar10" --epochs 50 --tinytwin "$tinytwin"
$py tools/train/train_kws.py --arch dscnn --data "$data/speech_commands" --tinytwin "$tinytwin" \
  --synthetic-per-word 80
$py tools/train/train_kws.py --arch dnn --data "$data/speech_commands" --tinytwin "$tinytwin"
