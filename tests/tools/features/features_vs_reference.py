#!/usr/bin/env python3
"""`tinytwin features` against the NumPy float64 reference (tools/train/mfcc_reference.py).

Usage: features_vs_reference.py TINYTWIN WORKDIR REPO MODE [SHARED]
  MODE synthetic: silence, a full-scale square wave, DC offsets, full-scale noise, a chirp,
                  a short and a long clip; through --pcm and through --wav (WAV files
                  written here), which must agree bit for bit.
  MODE speech:    real clips from SHARED/datasets/speech_commands (12 clips spread over each
                  folder, FLAC and WAV, the long background-noise files truncated), through
                  --list and --pcm; with SHARED/models/mlperf-tiny/kws_ref_model.tflite also
                  --quantize. Exits 77 (skipped) when the dataset is absent.

Bounds (max |tinytwin - reference| over all MFCC values): 1e-3 on speech, noise, chirps,
silence and small offsets. Full-scale tones (the square wave, DC at -32768) get 3e-3: their
spectra have bands more than 110 dB below the peak, where the float32 FFT's rounding noise
(~1e-7 of the peak amplitude) is a ~1e-3 relative error of the band's energy, i.e. ~1e-3 in
its log. Speech has no such range; over all 3,539 clips of the shared set the largest
difference is 3.1e-4 (median 1.3e-5).
"""

import json
import os
import subprocess
import sys
import time
import wave

import numpy as np

SKIP = 77
SPEECH_BOUND = 1e-3
FULL_SCALE_TONE_BOUND = 3e-3
CLIPS_PER_FOLDER = 12


def run_features(tinytwin, args):
    start = time.monotonic()
    p = subprocess.run([tinytwin, "features", *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"FAIL: tinytwin features {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return time.monotonic() - start, p.stderr.strip()


def write_wav(path, samples):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(np.asarray(samples, "<i2").tobytes())


def compare(names, got, ref, bounds):
    """Prints per-clip max differences; returns the number of clips over their bound."""
    failures = 0
    for name, g, r, bound in zip(names, got, ref, bounds):
        diff = float(np.max(np.abs(g.astype(np.float64) - r)))
        ok = np.all(np.isfinite(g)) and diff <= bound
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: max |diff| {diff:.3g} (bound {bound:g})")
    return failures


def synthetic(tinytwin, work, ref):
    n = ref.CLIP_SAMPLES
    t = np.arange(n)
    rng = np.random.default_rng(20240601)
    chirp_phase = 2 * np.pi * (50 * t + (7900 - 50) / (2 * n) * t * t) / 16000
    clips = {
        "silence": np.zeros(n, np.int16),
        "full-scale square 1 kHz": np.where((t // 8) % 2 == 0, 32767, -32768),
        "DC offset 10000": np.full(n, 10000),
        "full-scale DC -32768": np.full(n, -32768),
        "white noise full scale": rng.integers(-32768, 32768, n),
        "chirp 50 Hz - 7.9 kHz": np.round(16000 * np.sin(chirp_phase)),
        "short 0.3 s (padded)": rng.integers(-3000, 3000, 4800),
        "long 1.7 s (truncated)": rng.integers(-3000, 3000, 27200),
    }
    names = list(clips)
    raw = [np.asarray(c).astype(np.int16) for c in clips.values()]
    pcm = np.stack([ref.fit_to_one_second(c) for c in raw])
    np.save(f"{work}/synthetic.npy", pcm)
    wavs = []
    for i, c in enumerate(raw):
        wavs.append(f"{work}/clip{i}.wav")
        write_wav(wavs[-1], c)
    run_features(tinytwin, ["--pcm", f"{work}/synthetic.npy", "-o", f"{work}/pcm_out.npy"])
    run_features(tinytwin, ["--wav", *wavs, "-o", f"{work}/wav_out.npy"])
    got = np.load(f"{work}/pcm_out.npy")
    via_wav = np.load(f"{work}/wav_out.npy")
    if got.dtype != np.float32 or got.shape != (len(raw), 49, 10):
        sys.exit(f"FAIL: output {got.dtype} {got.shape}, expected float32 ({len(raw)}, 49, 10)")
    if not np.array_equal(got, via_wav):
        sys.exit("FAIL: --wav and --pcm give different features for the same samples")
    print("ok   --wav and --pcm agree bit for bit")
    bounds = [FULL_SCALE_TONE_BOUND if n.startswith("full-scale") else SPEECH_BOUND
              for n in names]
    failures = compare(names, got, [ref.mfcc(c) for c in pcm], bounds)
    return 1 if failures else 0


def pick_clips(dataset):
    paths = []
    for folder in sorted(os.listdir(dataset)):
        full = os.path.join(dataset, folder)
        if not os.path.isdir(full):
            continue
        files = sorted(f for f in os.listdir(full) if f.endswith((".flac", ".wav")))
        step = max(1, len(files) // CLIPS_PER_FOLDER)  # spread over the speakers
        paths += [os.path.join(full, f) for f in files[::step][:CLIPS_PER_FOLDER]]
    return paths


def speech(tinytwin, work, ref, shared):
    dataset = os.path.join(shared, "datasets", "speech_commands")
    if not os.path.isdir(dataset):
        print(f"skipping: ../shared/datasets/speech_commands not found ({dataset})")
        return SKIP
    try:
        import soundfile
    except ImportError:
        print("skipping: python3-soundfile is not installed (needed to decode the clips)")
        return SKIP
    paths = pick_clips(dataset)
    with open(f"{work}/clips.txt", "w") as f:
        f.write("# clips of the shared Speech Commands test set\n" + "\n".join(paths) + "\n")
    seconds, message = run_features(tinytwin, ["--list", f"{work}/clips.txt", "-o",
                                               f"{work}/speech.npy"])
    print(f"{message}  [{len(paths) / seconds:.0f} clips/s including process start]")
    got = np.load(f"{work}/speech.npy")
    pcm = np.stack([ref.fit_to_one_second(soundfile.read(p, dtype="int16")[0]) for p in paths])
    want = [ref.mfcc(c) for c in pcm]
    names = [os.path.relpath(p, dataset) for p in paths]
    failures = compare(names, got, want, [SPEECH_BOUND] * len(paths))
    diffs = np.abs(got.astype(np.float64) - np.stack(want))
    print(f"speech: {len(paths)} clips, max |diff| {diffs.max():.3g}, "
          f"median of per-clip max {np.median(diffs.max(axis=(1, 2))):.3g}")

    np.save(f"{work}/speech_pcm.npy", pcm)
    run_features(tinytwin, ["--pcm", f"{work}/speech_pcm.npy", "-o", f"{work}/speech_pcm_out.npy"])
    if not np.array_equal(np.load(f"{work}/speech_pcm_out.npy"), got):
        print("FAIL: --pcm of the decoded clips differs from --list")
        failures += 1
    else:
        print("ok   --pcm of the decoded clips equals --list bit for bit")

    model = os.path.join(shared, "models", "mlperf-tiny", "kws_ref_model.tflite")
    if os.path.isfile(model):
        run_features(tinytwin, ["--list", f"{work}/clips.txt", "--quantize", model, "-o",
                                f"{work}/speech_q.npy"])
        q = np.load(f"{work}/speech_q.npy")
        scale, zero_point = model_input_quantization(tinytwin, model)
        if q.dtype != np.int8 or not np.array_equal(q, ref.quantize(got, scale, zero_point)):
            print("FAIL: --quantize differs from quantizing the float features")
            failures += 1
        else:
            off = np.abs(q.astype(int) - ref.quantize(np.stack(want), scale, zero_point)).max()
            print(f"ok   --quantize (scale {scale:.6g}, zero point {zero_point}) equals the "
                  f"QUANTIZE arithmetic; vs quantized reference features at most {off} apart")
    else:
        print(f"skipped --quantize: {model} not found")
    return 1 if failures else 0


def model_input_quantization(tinytwin, model):
    """The input scale (a float32, printed exactly) and zero point from `tinytwin info --json`."""
    p = subprocess.run([tinytwin, "info", model, "--json"], capture_output=True, text=True,
                       check=True)
    t = json.loads(p.stdout)["inputs"][0]
    return np.float32(t["scale"]), int(t["zero_point"])


def main(argv):
    if len(argv) not in (5, 6) or argv[4] not in ("synthetic", "speech"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    tinytwin, work, repo, mode = argv[1:5]
    shared = argv[5] if len(argv) > 5 else os.path.join(repo, "..", "shared")
    sys.path.insert(0, os.path.join(repo, "tools", "train"))
    import mfcc_reference as ref
    os.makedirs(work, exist_ok=True)
    if mode == "synthetic":
        return synthetic(tinytwin, work, ref)
    return speech(tinytwin, work, ref, shared)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
