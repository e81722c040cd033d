/*
 * The branches and signed returns bti_ta needs written out exactly (a
 * compiler would neither branch to a non-landing-pad nor let a signed
 * return address be replaced). Only hint-space BTI/PAC instructions, so
 * the file assembles for Armv8.0 and runs on every CPU: on one without
 * FEAT_BTI/FEAT_PAuth they are NOPs.
 */
#define BTI_C hint #34
#define BTI_J hint #36
#define PACIASP hint #25
#define AUTIASP hint #29
#define XPACLRI hint #7
#define PACIA1716 hint #8

.macro func name
	.section .text.\name, "ax", %progbits
	.global \name
	.type \name, %function
	.balign 4
\name:
.endm

.macro endfunc name
	.size \name, . - \name
.endm

/* uint64_t bti_jump_no_pad(void): 1, unless BTI stops the br */
func bti_jump_no_pad
	BTI_C
	adr	x9, 1f
	br	x9
	udf	#0
1:	mov	x0, #1		/* no landing pad: Branch Target exception */
	ret
endfunc bti_jump_no_pad

/* uint64_t bti_jump_to_pad(void): 2, with or without BTI */
func bti_jump_to_pad
	BTI_C
	adr	x9, 1f
	br	x9
	udf	#0
1:	BTI_J
	mov	x0, #2
	ret
endfunc bti_jump_to_pad

/* uint64_t pac_corrupt_return(void): 3, unless PAuth stops the return */
func pac_corrupt_return
	PACIASP			/* also the landing pad for a blr */
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	/* Overwrite the saved, signed return address with the bare one. */
	XPACLRI
	str	x30, [sp, #8]
	mov	x0, #3
	ldp	x29, x30, [sp], #16
	AUTIASP			/* fails: x30 carries no valid code */
	ret
endfunc pac_corrupt_return

/* uint64_t pac_sign(uint64_t ptr, uint64_t modifier): key IA */
func pac_sign
	BTI_C
	mov	x17, x0
	mov	x16, x1
	PACIA1716
	mov	x0, x17
	ret
endfunc pac_sign

	.section .note.GNU-stack, "", %progbits

/*
 * The GNU property note: without it the linker drops BTI/PAC from the
 * whole TA, and the core would not guard its pages.
 */
#if defined(__ARM_FEATURE_BTI_DEFAULT) || defined(__ARM_FEATURE_PAC_DEFAULT)
#if defined(__ARM_FEATURE_BTI_DEFAULT)
#define FEATURE_BTI 1
#else
#define FEATURE_BTI 0
#endif
#if defined(__ARM_FEATURE_PAC_DEFAULT)
#define FEATURE_PAC 2
#else
#define FEATURE_PAC 0
#endif
	.section .note.gnu.property, "a"
	.balign 8
	.long 4			/* n_namesz */
	.long 16		/* n_descsz */
	.long 5			/* NT_GNU_PROPERTY_TYPE_0 */
	.asciz "GNU"
	.long 0xc0000000	/* GNU_PROPERTY_AARCH64_FEATURE_1_AND */
	.long 4			/* pr_datasz */
	.long FEATURE_BTI | FEATURE_PAC
	.long 0			/* pad to 8 */
#endif
