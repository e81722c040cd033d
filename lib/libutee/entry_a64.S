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
	mov	x29, #0
	mov	x30, #0
	bl	__utee_entry
	udf	#0
	.size __ta_entry, . - __ta_entry

	.section .note.GNU-stack, "", %progbits
