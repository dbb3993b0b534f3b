// Power and clock set-up (see clock.h for the plan). Order matters and follows RM0433's
// rules: leave PLL1 first if a bootloader runs the core from it; fix the supply (LDO) and
// raise the voltage scale before any clock goes up; add flash wait states and bus dividers
// before switching; switch only once PLL1 reports lock. Every wait is bounded, so a board
// with a dead crystal still boots (on HSI) instead of hanging before the UART is up.
#include "firmware/boards/openmv_h7/clock.h"

#include "firmware/boards/openmv_h7/h743_registers.h"

enum {
  kHseHz = 12000000u,  // the OpenMV Cam H7's crystal
  kHsiHz = 64000000u,
  kCsiHz = 4000000u,
  kWaitLoops = 2000000u,  // >= 100 ms at 64 MHz; HSE starts in a few ms

  kCrHsion = 1u << 0,
  kCrHsirdy = 1u << 2,
  kCrHsidivShift = 3,
  kCrHseon = 1u << 16,
  kCrHserdy = 1u << 17,
  kCrHsebyp = 1u << 18,
  kCrPll1on = 1u << 24,
  kCrPll1rdy = 1u << 25,

  kCfgrSwMask = 7u,
  kCfgrSwsShift = 3,
  kSourceHsi = 0,
  kSourceCsi = 1,
  kSourceHse = 2,
  kSourcePll1 = 3,

  kPllsrcMask = 3u,
  kDivm1Shift = 4,
  kDivm1Mask = 0x3Fu << kDivm1Shift,
  kPll1Fracen = 1u << 0,
  kPll1Vcosel = 1u << 1,  // 0: wide VCO range
  kPll1RgeShift = 2,
  kPll1RgeMask = 3u << kPll1RgeShift,
  kPll1Rge4To8Mhz = 2u,
  kDivp1en = 1u << 16,
  kDivq1en = 1u << 17,
  kDivr1en = 1u << 18,

  // PLL1: 12 MHz / 3 = 4 MHz reference; VCO = 4 MHz x N; core = VCO / 2.
  kPllM = 3,
  kPllN480 = 240,  // VCO 960 MHz (wide range in VOS0 on revision V)
  kPllN400 = 200,  // VCO 800 MHz
  kPllP = 2,
  kPllQ = 4,  // pll1_q_ck / pll1_r_ck stay disabled (DIVQ1EN/DIVR1EN clear)
  kPllR = 2,

  kCr3Bypass = 1u << 0,
  kCr3Ldoen = 1u << 1,
  kCr3Scuen = 1u << 2,  // supply still configurable (write-once after power-on)
  kCsr1Actvosrdy = 1u << 13,
  kD3crVosShift = 14,
  kD3crVosMask = 3u << kD3crVosShift,
  kD3crVosScale1 = 3u,
  kD3crVosrdy = 1u << 13,
  kSyscfgOden = 1u << 0,  // overdrive: VOS1 + ODEN = VOS0
  kApb4enrSyscfgen = 1u << 1,

  kAcrLatencyMask = 0xFu,
  kAcrWrhighfreqShift = 4,
  kAcrWrhighfreqMask = 3u << kAcrWrhighfreqShift,
  kFlashLatency = 4u,
  kFlashWrhighfreq = 2u,

  // Bus dividers. D1CFGR: HPRE[3:0], D1PPRE[6:4], D1CPRE[11:8]; D2CFGR: D2PPRE1[6:4],
  // D2PPRE2[10:8]; D3CFGR: D3PPRE[6:4]. AHB codes 0xxx = /1, 1000 = /2; APB 0xx = /1, 100 = /2.
  kD1cfgrMask = 0xF7Fu,
  kD1cfgrTarget = (0u << 8) | (4u << 4) | 8u,  // core /1, APB3 /2, AHB /2
  kD2cfgrMask = 0x770u,
  kD2cfgrTarget = (4u << 8) | (4u << 4),  // APB2 /2, APB1 /2
  kD3cfgrMask = 0x70u,
  kD3cfgrTarget = 4u << 4,  // APB4 /2

  kRevisionY = 0x1003u,
  kRevisionV = 0x2003u,
};

static TtH7ClockStatus g_status;

static volatile uint32_t* rcc_cr(void) { return tt_h7_reg(kTtH7RccCr); }

// Waits until (*reg & mask) == want; 0 on time-out.
static int wait_for(uint32_t address, uint32_t mask, uint32_t want) {
  for (uint32_t i = 0; i < kWaitLoops; ++i) {
    if ((*tt_h7_reg(address) & mask) == want) {
      return 1;
    }
  }
  return 0;
}

static uint32_t system_source(void) {
  return (*tt_h7_reg(kTtH7RccCfgr) >> kCfgrSwsShift) & kCfgrSwMask;
}

static int select_system_source(uint32_t source) {
  volatile uint32_t* cfgr = tt_h7_reg(kTtH7RccCfgr);
  *cfgr = (*cfgr & ~kCfgrSwMask) | source;
  return wait_for(kTtH7RccCfgr, kCfgrSwMask << kCfgrSwsShift, source << kCfgrSwsShift);
}

static void set_field(uint32_t address, uint32_t mask, uint32_t value) {
  volatile uint32_t* r = tt_h7_reg(address);
  *r = (*r & ~mask) | value;
}

// HSI at /1 and every bus divider at /1: 64 MHz everywhere, within every limit at any
// voltage scale. Where a failed set-up leaves the board.
static TtH7ClockStatus fall_back_to_hsi(TtH7ClockStatus why) {
  select_system_source(kSourceHsi);
  set_field(kTtH7RccD1cfgr, kD1cfgrMask, 0);
  set_field(kTtH7RccD2cfgr, kD2cfgrMask, 0);
  set_field(kTtH7RccD3cfgr, kD3cfgrMask, 0);
  g_status = why;
  return why;
}

char tt_h7_silicon_revision(void) {
  const uint32_t rev_id = *tt_h7_reg(kTtH7DbgmcuIdc) >> 16;
  return rev_id == kRevisionV ? 'V' : rev_id == kRevisionY ? 'Y' : '?';
}

static int supports_480mhz(void) { return (*tt_h7_reg(kTtH7DbgmcuIdc) >> 16) >= 0x2000u; }

static int raise_voltage(int overdrive) {
  volatile uint32_t* cr3 = tt_h7_reg(kTtH7PwrCr3);
  if (*cr3 & kCr3Scuen) {
    // The supply can be chosen once per power-on: the LDO (the board has no external core
    // supply). A bootloader may already have locked it; then the write would be ignored.
    *cr3 = (*cr3 & ~(kCr3Bypass | kCr3Ldoen | kCr3Scuen)) | kCr3Ldoen;
  }
  if (!wait_for(kTtH7PwrCsr1, kCsr1Actvosrdy, kCsr1Actvosrdy)) {
    return 0;
  }
  set_field(kTtH7PwrD3cr, kD3crVosMask, kD3crVosScale1 << kD3crVosShift);
  if (!wait_for(kTtH7PwrD3cr, kD3crVosrdy, kD3crVosrdy)) {
    return 0;
  }
  if (overdrive) {
    *tt_h7_reg(kTtH7RccApb4enr) |= kApb4enrSyscfgen;
    (void)*tt_h7_reg(kTtH7RccApb4enr);  // the clock is on once the write has landed
    *tt_h7_reg(kTtH7SyscfgPwrcr) |= kSyscfgOden;
    if (!wait_for(kTtH7PwrD3cr, kD3crVosrdy, kD3crVosrdy)) {
      return 0;
    }
  }
  return 1;
}

TtH7ClockStatus tt_h7_clock_init(void) {
  const int fast = supports_480mhz();

  // PLL1 can only be reprogrammed while off, and it cannot be turned off while it clocks
  // the core: go to HSI first (a no-op after a power-on reset).
  *rcc_cr() |= kCrHsion;
  wait_for(kTtH7RccCr, kCrHsirdy, kCrHsirdy);
  if (system_source() != kSourceHsi) {
    select_system_source(kSourceHsi);
  }
  *rcc_cr() &= ~kCrPll1on;
  wait_for(kTtH7RccCr, kCrPll1rdy, 0);

  if (!raise_voltage(fast)) {
    return fall_back_to_hsi(kTtH7ClockNoVoltage);
  }
  set_field(kTtH7FlashAcr, kAcrLatencyMask | kAcrWrhighfreqMask,
            kFlashLatency | (kFlashWrhighfreq << kAcrWrhighfreqShift));
  wait_for(kTtH7FlashAcr, kAcrLatencyMask, kFlashLatency);  // takes effect once read back
  set_field(kTtH7RccD1cfgr, kD1cfgrMask, kD1cfgrTarget);
  set_field(kTtH7RccD2cfgr, kD2cfgrMask, kD2cfgrTarget);
  set_field(kTtH7RccD3cfgr, kD3cfgrMask, kD3cfgrTarget);

  if (!(*rcc_cr() & kCrHseon)) {
    *rcc_cr() &= ~kCrHsebyp;  // a crystal, not an external clock; writable only with HSE off
    *rcc_cr() |= kCrHseon;
  }
  if (!wait_for(kTtH7RccCr, kCrHserdy, kCrHserdy)) {
    return fall_back_to_hsi(kTtH7ClockNoHse);
  }

  set_field(kTtH7RccPllckselr, kPllsrcMask | kDivm1Mask, kSourceHse | (kPllM << kDivm1Shift));
  set_field(kTtH7RccPllcfgr,
            kPll1Fracen | kPll1Vcosel | kPll1RgeMask | kDivp1en | kDivq1en | kDivr1en,
            (kPll1Rge4To8Mhz << kPll1RgeShift) | kDivp1en);
  const uint32_t n = fast ? kPllN480 : kPllN400;
  *tt_h7_reg(kTtH7RccPll1divr) =
      (n - 1u) | ((kPllP - 1u) << 9) | ((kPllQ - 1u) << 16) | ((kPllR - 1u) << 24);
  *tt_h7_reg(kTtH7RccPll1fracr) = 0;
  *rcc_cr() |= kCrPll1on;
  if (!wait_for(kTtH7RccCr, kCrPll1rdy, kCrPll1rdy)) {
    return fall_back_to_hsi(kTtH7ClockNoPll);
  }
  if (!select_system_source(kSourcePll1)) {
    return fall_back_to_hsi(kTtH7ClockNoPll);
  }
  g_status = kTtH7ClockPll;
  return g_status;
}

TtH7ClockStatus tt_h7_clock_status(void) { return g_status; }

static uint32_t hsi_hz(void) { return kHsiHz >> ((*rcc_cr() >> kCrHsidivShift) & 3u); }

static uint32_t pll1_p_hz(void) {
  const uint32_t cksel = *tt_h7_reg(kTtH7RccPllckselr);
  const uint32_t m = (cksel & kDivm1Mask) >> kDivm1Shift;
  const uint32_t source = cksel & kPllsrcMask;
  const uint32_t ref = source == kSourceHsi   ? hsi_hz()
                       : source == kSourceCsi ? kCsiHz
                       : source == kSourceHse ? kHseHz
                                              : 0;
  if (m == 0 || ref == 0) {
    return 0;  // the PLL has no input
  }
  const uint32_t divr = *tt_h7_reg(kTtH7RccPll1divr);
  const uint32_t n = (divr & 0x1FFu) + 1u;
  const uint32_t p = ((divr >> 9) & 0x7Fu) + 1u;
  const uint32_t frac = (*tt_h7_reg(kTtH7RccPllcfgr) & kPll1Fracen)
                            ? (*tt_h7_reg(kTtH7RccPll1fracr) >> 3) & 0x1FFFu
                            : 0;
  // VCO = ref / M x (N + FRACN / 8192), in 64 bits to keep the fraction.
  const uint64_t vco = (uint64_t)ref * (n * 8192u + frac) / (m * 8192u);
  return (uint32_t)(vco / p);
}

static uint32_t system_hz(void) {
  switch (system_source()) {
    case kSourceHsi:
      return hsi_hz();
    case kSourceCsi:
      return kCsiHz;
    case kSourceHse:
      return kHseHz;
    default:
      return pll1_p_hz();
  }
}

// AHB-style divider codes (D1CPRE, HPRE): 0xxx = /1, 1000.. 1111 = /2 /4 /8 /16 /64 /128
// /256 /512.
static uint32_t ahb_divider(uint32_t code) {
  static const uint16_t dividers[8] = {2, 4, 8, 16, 64, 128, 256, 512};
  return code < 8u ? 1u : dividers[code - 8u];
}

// APB divider codes: 0xx = /1, 100..111 = /2 /4 /8 /16.
static uint32_t apb_divider(uint32_t code) { return code < 4u ? 1u : 2u << (code - 4u); }

uint32_t tt_h7_cpu_hz(void) {
  return system_hz() / ahb_divider((*tt_h7_reg(kTtH7RccD1cfgr) >> 8) & 0xFu);
}

uint32_t tt_h7_pclk1_hz(void) {
  const uint32_t hclk = tt_h7_cpu_hz() / ahb_divider(*tt_h7_reg(kTtH7RccD1cfgr) & 0xFu);
  return hclk / apb_divider((*tt_h7_reg(kTtH7RccD2cfgr) >> 4) & 7u);
}
