#include "tools/tinytwin/eval_loop.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tt::tools {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What the workers share: the next sample to take, how many are done, the first failure.
struct Shared {
  std::atomic<int64_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  int64_t error_sample = INT64_MAX;
  std::exception_ptr error;

  void fail(int64_t sample, std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(mutex);
    if (sample < error_sample) {
      error_sample = sample;
      error = std::move(e);
    }
    failed = true;
  }
};

struct Worker {
  std::unique_ptr<Classifier> classifier;
  PrepareSample prepare;
  std::vector<std::pair<int32_t, int32_t>> results;  // (truth, predicted)
};

void work(const EvalLoop& loop, Worker* w, Shared* shared) {
  for (int64_t i = shared->next++; i < loop.count && !shared->failed; i = shared->next++) {
    try {
      w->prepare(i);
      w->results.emplace_back(loop.label(i), w->classifier->classify());
      ++shared->done;
    } catch (...) {
      shared->fail(i, std::current_exception());
      return;
    }
  }
}

}  // namespace

double run_eval_loop(const EvalLoop& loop, Confusion* confusion) {
  const Clock::time_point start = Clock::now();
  const int64_t jobs = std::max<int64_t>(1, std::min<int64_t>(loop.jobs, loop.count));
  std::vector<Worker> workers(static_cast<size_t>(jobs));
  for (Worker& w : workers) {
    w.classifier = std::make_unique<Classifier>(*loop.source, loop.classes, loop.kernels);
    w.prepare = loop.make_worker(*w.classifier);
  }
  Shared shared;
  std::vector<std::thread> threads;
  for (size_t t = 1; t < workers.size(); ++t) {
    threads.emplace_back(work, std::cref(loop), &workers[t], &shared);
  }
  std::thread progress([&] {
    Clock::time_point last = start;
    while (shared.done < loop.count && !shared.failed) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (Clock::now() - last < std::chrono::seconds(1)) continue;
      last = Clock::now();
      const int64_t done = shared.done;
      std::fprintf(stderr, "tinytwin eval: %lld / %lld samples (%.0f per second)\n",
                   static_cast<long long>(done), static_cast<long long>(loop.count),
                   static_cast<double>(done) / since(start));
    }
  });
  work(loop, &workers[0], &shared);  // the calling thread is worker 0
  for (std::thread& t : threads) t.join();
  progress.join();  // ends once every sample is done or one failed
  if (shared.error) std::rethrow_exception(shared.error);
  for (const Worker& w : workers) {
    for (const auto& [truth, predicted] : w.results) confusion->add(truth, predicted);
  }
  return since(start);
}

}  // namespace tt::tools
