/*
 * The TA's ELF entry point. The core enters with x0 = UTEE_ENTRY_*,
 * x1 = session id, x2 = struct utee_params * (or 0), x3 = command id and
 * sp at the top of the TA stack. Clear the frame chain so backtraces stop
 * here, then hand over to C, which ends with the RETURN system call.
 */
	.section .text.__ta_entry, "ax", %progbits
	.global __ta_entry
	.type __ta_entry, %function
	.balign 4
__ta_entry:
	/*
	 * The core's eret enters with PSTATE.BTYPE 0, so no landing pad is
	 * needed; one is here anyway in case anything ever branches here.
	 */
	hint	#34	/* bti c */
	mov	x29, #0
	mov	x30, #0
	bl	__utee_entry
	udf	#0
	.size __ta_entry, . - __ta_entry

	.section .note.GNU-stack, "", %progbits

/*
 * Without this note the linker would drop the BTI/PAC property from the
 * whole TA (it keeps only what every object declares). Emitted only when
 * the flags ask for branch protection (__ARM_FEATURE_*_DEFAULT).
 */
#if defined(__ARM_FEATURE_BTI_DEFAULT) || defined(__ARM_FEATURE_PAC_DEFAULT)
#if defined(__ARM_FEATURE_BTI_DEFAULT)
#define TA_ASM_FEATURE_BTI 1
#else
#define TA_ASM_FEATURE_BTI 0
#endif
#if defined(__ARM_FEATURE_PAC_DEFAULT)
#define TA_ASM_FEATURE_PAC 2
#else
#define TA_ASM_FEATURE_PAC 0
#endif
	.section .note.gnu.property, "a"
	.balign 8
	.long 4			/* n_namesz */
	.long 16		/* n_descsz */
	.long 5			/* NT_GNU_PROPERTY_TYPE_0 */
	.asciz "GNU"
	.long 0xc0000000	/* GNU_PROPERTY_AARCH64_FEATURE_1_AND */
	.long 4			/* pr_datasz */
	.long TA_ASM_FEATURE_BTI | TA_ASM_FEATURE_PAC
	.long 0			/* pad to 8 */
#endif
