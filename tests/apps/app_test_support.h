// What the app tests share: the shipped models compiled into ModelSlots, a board of fakes,
// a listener that records everything, and the datasets of ../shared (tests that need them
// skip with a message when the folder is absent).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "apps/common/app.h"
#include "hal/fake/fake_button.h"
#include "hal/fake/fake_clock.h"
#include "hal/fake/fake_display.h"
#include "hal/fake/fake_log.h"
#include "tools/tinytwin/model_source.h"

namespace tt::tests::apps {

// A shipped model (assets/models/NAME.tflite) compiled, with its own arena.
struct LoadedModel {
  tools::ModelSource source;
  std::string name;
  tt::apps::ModelSlot slot() const;
  tt::apps::ModelSlot slot_with_arena(void* arena, uint32_t bytes) const;
  uint32_t arena_needed() const;
};
std::shared_ptr<LoadedModel> shipped_model(const std::string& name);

// ../shared/datasets/NAME, or "" when absent (the caller skips).
std::string shared_dataset(const std::string& name);
#define TT_REQUIRE_SHARED(var, name)                               \
  const std::string var = ::tt::tests::apps::shared_dataset(name); \
  if (var.empty())                                                 \
  GTEST_SKIP() << "../shared/datasets/" name                       \
                  " is absent: skipped (needs the "                \
                  "datasets beside the repository)"

// The first `count` clips (sorted by name) of a Speech Commands word folder, 16 kHz mono.
std::vector<std::vector<int16_t>> speech_clips(const std::string& word, int count);

struct Recorder final : tt::apps::AppListener {
  void on_inference(const tt::apps::InferenceReport& r) override { inferences.push_back(r); }
  void on_keyword(const tt::apps::KeywordReport& k) override { keywords.push_back(k); }
  void on_message(const char* text) override { messages.emplace_back(text); }
  std::vector<tt::apps::InferenceReport> inferences;
  std::vector<tt::apps::KeywordReport> keywords;
  std::vector<std::string> messages;
};

struct FakeBoard {
  hal::fake::FakeClock clock;
  hal::fake::FakeLog log;
  hal::fake::FakeDisplay display;
  hal::fake::FakeButton button{nullptr, 0, &clock};
  hal::Board board() {
    hal::Board b;
    b.name = "fake board";
    b.display = &display;
    b.button = &button;
    b.clock = &clock;
    b.log = &log;
    return b;
  }
  // Distinct colours shown inside r: a screen that shows something has several.
  int colours_in(const hal::Rect& r) const;
  bool shows_colour(const hal::Rect& r, uint16_t colour) const;
};

}  // namespace tt::tests::apps
