/*
 * Saving and loading the FP/SIMD register file (struct fpu_regs in
 * kernel/fpu.h), and clearing it. With the crypto extension's code
 * (core/arch/arm64/crypto/aes_ce.c), the only FP/SIMD instructions in the
 * core: tests/host/test_secure_images.sh allows them there and nowhere
 * else. The caller has set CPACR_EL1.FPEN so they do not trap.
 */
	.arch_extension fp
	.arch_extension simd

	.text
/* void fpu_save(struct fpu_regs *r) */
	.global fpu_save
	.type fpu_save, %function
	.balign 4
fpu_save:
	stp	q0, q1, [x0, #0]
	stp	q2, q3, [x0, #32]
	stp	q4, q5, [x0, #64]
	stp	q6, q7, [x0, #96]
	stp	q8, q9, [x0, #128]
	stp	q10, q11, [x0, #160]
	stp	q12, q13, [x0, #192]
	stp	q14, q15, [x0, #224]
	stp	q16, q17, [x0, #256]
	stp	q18, q19, [x0, #288]
	stp	q20, q21, [x0, #320]
	stp	q22, q23, [x0, #352]
	stp	q24, q25, [x0, #384]
	stp	q26, q27, [x0, #416]
	stp	q28, q29, [x0, #448]
	stp	q30, q31, [x0, #480]
	mrs	x1, fpcr
	mrs	x2, fpsr
	str	x1, [x0, #512]
	str	x2, [x0, #520]
	ret
	.size fpu_save, . - fpu_save

/* void fpu_load(const struct fpu_regs *r) */
	.global fpu_load
	.type fpu_load, %function
	.balign 4
fpu_load:
	ldp	q0, q1, [x0, #0]
	ldp	q2, q3, [x0, #32]
	ldp	q4, q5, [x0, #64]
	ldp	q6, q7, [x0, #96]
	ldp	q8, q9, [x0, #128]
	ldp	q10, q11, [x0, #160]
	ldp	q12, q13, [x0, #192]
	ldp	q14, q15, [x0, #224]
	ldp	q16, q17, [x0, #256]
	ldp	q18, q19, [x0, #288]
	ldp	q20, q21, [x0, #320]
	ldp	q22, q23, [x0, #352]
	ldp	q24, q25, [x0, #384]
	ldp	q26, q27, [x0, #416]
	ldp	q28, q29, [x0, #448]
	ldp	q30, q31, [x0, #480]
	ldr	x1, [x0, #512]
	ldr	x2, [x0, #520]
	msr	fpcr, x1
	msr	fpsr, x2
	ret
	.size fpu_load, . - fpu_load

/* void fpu_clear(void) */
	.global fpu_clear
	.type fpu_clear, %function
	.balign 4
fpu_clear:
	movi	v0.2d, #0
	movi	v1.2d, #0
	movi	v2.2d, #0
	movi	v3.2d, #0
	movi	v4.2d, #0
	movi	v5.2d, #0
	movi	v6.2d, #0
	movi	v7.2d, #0
	movi	v8.2d, #0
	movi	v9.2d, #0
	movi	v10.2d, #0
	movi	v11.2d, #0
	movi	v12.2d, #0
	movi	v13.2d, #0
	movi	v14.2d, #0
	movi	v15.2d, #0
	movi	v16.2d, #0
	movi	v17.2d, #0
	movi	v18.2d, #0
	movi	v19.2d, #0
	movi	v20.2d, #0
	movi	v21.2d, #0
	movi	v22.2d, #0
	movi	v23.2d, #0
	movi	v24.2d, #0
	movi	v25.2d, #0
	movi	v26.2d, #0
	movi	v27.2d, #0
	movi	v28.2d, #0
	movi	v29.2d, #0
	movi	v30.2d, #0
	movi	v31.2d, #0
	ret
	.size fpu_clear, . - fpu_clear
