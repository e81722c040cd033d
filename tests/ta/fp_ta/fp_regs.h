/* Register-level helpers of fp_ta (fp_regs.c). */
#ifndef FP_REGS_H
#define FP_REGS_H

#include <stdint.h>

/* 1 if any of V0-V31, FPCR, FPSR is non-zero. */
uint32_t fp_regs_dirty(void);
/*
 * Fills V0-V31 (Vi = {seed + i, (seed + i) ^ mask}), FPCR and FPSR from
 * @seed, calls fn(arg), returns how many of those 66 values changed.
 */
uint32_t fp_fill_call_check(uint64_t seed, void (*fn)(void *), void *arg);
/* Overwrites V0-V31, FPCR and FPSR with values derived from @seed. */
void fp_clobber(uint64_t seed);

#endif
