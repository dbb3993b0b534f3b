// icount_marker: a QEMU TCG plugin that counts every guest instruction exactly and records
// the count each time the guest enters a marker function, so the host gets exact
// instruction counts per layer (the firmware calls tt_layer_marker() between layers).
//
// Usage (QEMU 7.2 named plugin options):
//   qemu-system-arm ... -plugin libtt_icount_marker.so,out=FILE[,marker=SYMBOL]
//   qemu-system-arm ... -plugin libtt_icount_marker.so,out=FILE,marker_addr=0xADDRESS
//     out=FILE          where the lines go (required; truncated at start)
//     marker=SYMBOL     the marker function, found through the -kernel ELF's symbols
//                       (default tt_layer_marker)
//     marker_addr=ADDR  the marker function's address instead of its name (for an image
//                       without symbols); the Thumb bit may be set or clear
//
// Output, one line per marker entry, flushed at once so the host can follow the file while
// QEMU runs:
//   <hit index> <instructions executed before the marker's first instruction>
// and at exit:
//   total <instructions executed>
// Hit indices start at 0; counts include every guest instruction since reset (start-up code,
// interrupt handlers, the marker's own instructions after its first).
//
// Exactness: every instruction carries an inline "counter += 1" that runs before it. Counting
// per translated block instead (add the block's length on entry) is cheaper but overcounts
// whenever a block is left early: an exception, or, under -icount, an MMIO access in the
// middle of a block, which QEMU handles by abandoning the block and re-running the access in
// a block of its own (whose instrumentation QEMU limits to memory callbacks, so the
// per-instruction count stays exact). The counter is a plain uint64_t: the mps2 machines
// have one vCPU, and more would make the unlocked increments racy, so they are refused.
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/plugin/qemu_plugin_api.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static const char kName[] = "icount_marker";

static uint64_t g_instructions;  // guest instructions executed so far
static uint64_t g_hits;          // marker entries so far
static FILE* g_out;

static const char* g_marker_symbol;  // NULL when the address was given
static uint64_t g_marker_addr;       // Thumb bit clear; valid when g_marker_known
static bool g_marker_known;

// The marker's first instruction carries this instead of the inline add: it records the
// count so far (the instructions before the marker) and then counts itself.
static void on_marker(unsigned int vcpu_index, void* userdata) {
  (void)vcpu_index;
  (void)userdata;
  fprintf(g_out, "%" PRIu64 " %" PRIu64 "\n", g_hits, g_instructions);
  fflush(g_out);  // the host reads the file while QEMU runs
  ++g_hits;
  ++g_instructions;
}

// In symbol mode the marker's address is learnt from the first translated instruction that
// belongs to it. That is its entry: a function is entered by a call, which ends the calling
// block, so the first block to reach the function starts at its first instruction.
static bool is_marker_entry(const struct qemu_plugin_insn* insn) {
  const uint64_t vaddr = qemu_plugin_insn_vaddr(insn);
  if (!g_marker_known) {
    const char* symbol = qemu_plugin_insn_symbol(insn);
    if (symbol == NULL || strcmp(symbol, g_marker_symbol) != 0) {
      return false;
    }
    g_marker_addr = vaddr;
    g_marker_known = true;
  }
  return vaddr == g_marker_addr;
}

static void on_tb_translated(qemu_plugin_id_t id, struct qemu_plugin_tb* tb) {
  (void)id;
  const size_t n = qemu_plugin_tb_n_insns(tb);
  for (size_t i = 0; i < n; ++i) {
    struct qemu_plugin_insn* insn = qemu_plugin_tb_get_insn(tb, i);
    if (is_marker_entry(insn)) {
      qemu_plugin_register_vcpu_insn_exec_cb(insn, on_marker, QEMU_PLUGIN_CB_NO_REGS, NULL);
    } else {
      qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &g_instructions,
                                                 1);
    }
  }
}

static void on_qemu_exit(qemu_plugin_id_t id, void* userdata) {
  (void)id;
  (void)userdata;
  fprintf(g_out, "total %" PRIu64 "\n", g_instructions);
  fclose(g_out);
  g_out = NULL;
  // A misspelt marker name or a wrong address gives no hits at all; say so rather than leave
  // a list that looks like a model without layers.
  if (g_hits == 0 && g_marker_symbol != NULL) {
    fprintf(stderr, "%s: warning: the guest never entered the marker %s\n", kName, g_marker_symbol);
  } else if (g_hits == 0) {
    fprintf(stderr, "%s: warning: the guest never executed marker_addr 0x%" PRIx64 "\n", kName,
            g_marker_addr);
  }
}

static int usage_error(const char* problem, const char* detail) {
  fprintf(stderr, "%s: %s%s\n", kName, problem, detail);
  fprintf(stderr,
          "%s: usage: -plugin libtt_icount_marker.so,out=FILE[,marker=SYMBOL]"
          "[,marker_addr=0xADDRESS]\n",
          kName);
  return 1;
}

// Parses a whole unsigned number (0x... hexadecimal, else decimal).
static bool parse_address(const char* text, uint64_t* value) {
  if (text[0] == '\0' || text[0] == '-') {
    return false;
  }
  char* end = NULL;
  errno = 0;
  const unsigned long long parsed = strtoull(text, &end, 0);
  if (errno != 0 || *end != '\0') {
    return false;
  }
  *value = parsed;
  return true;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t* info, int argc,
                                           char** argv) {
  const char* out_path = NULL;
  const char* symbol = NULL;
  const char* address_text = NULL;
  for (int i = 0; i < argc; ++i) {
    const char* arg = argv[i];
    const char* eq = strchr(arg, '=');
    if (eq == NULL) {
      return usage_error("option without a value: ", arg);
    }
    const char* value = eq + 1;
    const size_t name_length = (size_t)(eq - arg);
    if (name_length == 3 && strncmp(arg, "out", 3) == 0) {
      out_path = value;
    } else if (name_length == 6 && strncmp(arg, "marker", 6) == 0) {
      symbol = value;
    } else if (name_length == 11 && strncmp(arg, "marker_addr", 11) == 0) {
      address_text = value;
    } else {
      return usage_error("unknown option: ", arg);
    }
  }
  if (out_path == NULL || out_path[0] == '\0') {
    return usage_error("missing out=FILE (where to write the counts)", "");
  }
  if (symbol != NULL && address_text != NULL) {
    return usage_error("give marker=SYMBOL or marker_addr=ADDRESS, not both", "");
  }
  if (symbol != NULL && symbol[0] == '\0') {
    return usage_error("empty marker=", "");
  }
  if (address_text != NULL) {
    uint64_t address = 0;
    if (!parse_address(address_text, &address)) {
      return usage_error("marker_addr is not an address: ", address_text);
    }
    // Function addresses of Thumb code carry bit 0 (the Thumb bit) in the ELF symbol table
    // and in function pointers; QEMU's instruction addresses never do.
    g_marker_addr = address & ~(uint64_t)1;
    g_marker_known = true;
    g_marker_symbol = NULL;
  } else {
    g_marker_symbol = symbol != NULL ? symbol : "tt_layer_marker";
  }
  // One unlocked counter: exact only with a single vCPU.
  if (info->system_emulation && info->system.max_vcpus > 1) {
    fprintf(stderr, "%s: the machine has %d vCPUs; the counts are exact only with one\n", kName,
            info->system.max_vcpus);
    return 1;
  }

  g_out = fopen(out_path, "w");
  if (g_out == NULL) {
    fprintf(stderr, "%s: cannot write %s: %s\n", kName, out_path, strerror(errno));
    return 1;
  }
  qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_translated);
  qemu_plugin_register_atexit_cb(id, on_qemu_exit, NULL);
  return 0;
}
