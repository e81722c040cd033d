/*
 * The FP/SIMD register file as the core saves it: V0-V31, FPCR and FPSR
 * (core/arch/arm64/fpu_a64.S). The core itself is built with
 * -mgeneral-regs-only; only these functions and the crypto extension's
 * code (core/arch/arm64/crypto/aes_ce.c) touch these registers.
 */
#ifndef KERNEL_FPU_H
#define KERNEL_FPU_H

#include <rampart/types.h>

struct fpu_regs {
	uint64_t v[32][2]; /* q0..q31, low half first */
	uint64_t fpcr;
	uint64_t fpsr;
} __attribute__((aligned(16)));

/* Both need CPACR_EL1.FPEN = 0b11 (no trap at EL1). */
void fpu_save(struct fpu_regs *r);
void fpu_load(const struct fpu_regs *r);
/* Zeroes V0-V31 (FPCR/FPSR unchanged). */
void fpu_clear(void);

#endif
