// The part of QEMU's TCG plugin API (version 1, as in QEMU 7.2) that our plugins use.
//
// Debian's qemu-system-arm is built with plugin support and exports the API functions from
// its executable, but no distribution package installs the header that declares them. So
// this file declares the few functions, types and constants we call, written down from the
// published API. Everything here must match QEMU's ABI exactly (signatures, enum values,
// struct layout): a mismatch is not caught by any compiler or linker, it just misbehaves at
// run time. Check a new declaration against the QEMU version the project targets, and the
// exported names with `nm -D --defined-only $(which qemu-system-arm) | grep qemu_plugin`.
//
// The functions are resolved when QEMU loads the plugin (they live in the QEMU executable),
// so a plugin links against nothing.
#ifndef TT_SIM_PLUGIN_QEMU_PLUGIN_API_H_
#define TT_SIM_PLUGIN_QEMU_PLUGIN_API_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Only qemu_plugin_version and qemu_plugin_install need to be visible to QEMU; plugins are
// built with -fvisibility=hidden and mark those two with this.
#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

// The API version this header describes. QEMU 7.2 accepts plugins whose exported
// qemu_plugin_version lies in [0, 1] (its loader's minimum and current version).
#define QEMU_PLUGIN_VERSION 1

typedef uint64_t qemu_plugin_id_t;

// What QEMU tells a plugin at installation (only valid during qemu_plugin_install).
typedef struct qemu_info_t {
  const char* target_name;  // e.g. "arm"
  struct {
    int min;
    int cur;
  } version;  // the plugin API versions this QEMU supports
  bool system_emulation;
  union {
    struct {
      int smp_vcpus;
      int max_vcpus;
    } system;  // only meaningful when system_emulation is true
  };
} qemu_info_t;

// Opaque handles, valid only inside the translation callback that received them.
struct qemu_plugin_tb;
struct qemu_plugin_insn;

typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void* userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void* userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb* tb);

// Whether an execution callback reads or writes guest registers.
enum qemu_plugin_cb_flags {
  QEMU_PLUGIN_CB_NO_REGS = 0,
  QEMU_PLUGIN_CB_R_REGS = 1,
  QEMU_PLUGIN_CB_RW_REGS = 2,
};

// Inline operations: generated into the translated code, no call into the plugin.
enum qemu_plugin_op {
  QEMU_PLUGIN_INLINE_ADD_U64 = 0,  // *(uint64_t*)ptr += imm; not atomic
};

// Provided by every plugin. Returns 0 on success; anything else makes QEMU refuse to start.
// argv holds the "name=value" options given after the plugin's path and stays valid for the
// plugin's lifetime.
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t* info, int argc,
                                           char** argv);

// Called whenever QEMU translates a block of guest code; the place to instrument it.
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);

size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb* tb);
struct qemu_plugin_insn* qemu_plugin_tb_get_insn(const struct qemu_plugin_tb* tb, size_t idx);

// The guest virtual address of an instruction (for Thumb code: even, no Thumb bit).
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn* insn);

// Name of the function symbol whose [start, start + size) holds the instruction, or NULL.
// System emulation knows the symbols of an ELF given with -kernel.
const char* qemu_plugin_insn_symbol(const struct qemu_plugin_insn* insn);

// Runs cb every time the instruction executes, before the instruction itself.
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn* insn,
                                            qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void* userdata);

// Performs op on *ptr with imm every time the instruction executes.
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn* insn,
                                                enum qemu_plugin_op op, void* ptr, uint64_t imm);

// Runs cb once when QEMU exits (also on a guest's semihosting exit and on SIGTERM).
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void* userdata);

#ifdef __cplusplus
}
#endif

#endif  // TT_SIM_PLUGIN_QEMU_PLUGIN_API_H_
