/*
 * fp_ta's register-level helpers: each is one asm block, so the compiler
 * cannot move FP/SIMD values in or out of the registers under test.
 */
#include <stdint.h>

#include "fp_regs.h"

#define FP_MASK 0xa5a55a5a0ff0f00full

uint32_t fp_regs_dirty(void)
{
	uint64_t dirty;

	__asm__ volatile(
		"orr v0.16b, v0.16b, v1.16b\n"
		"orr v0.16b, v0.16b, v2.16b\n"
		"orr v0.16b, v0.16b, v3.16b\n"
		"orr v0.16b, v0.16b, v4.16b\n"
		"orr v0.16b, v0.16b, v5.16b\n"
		"orr v0.16b, v0.16b, v6.16b\n"
		"orr v0.16b, v0.16b, v7.16b\n"
		"orr v0.16b, v0.16b, v8.16b\n"
		"orr v0.16b, v0.16b, v9.16b\n"
		"orr v0.16b, v0.16b, v10.16b\n"
		"orr v0.16b, v0.16b, v11.16b\n"
		"orr v0.16b, v0.16b, v12.16b\n"
		"orr v0.16b, v0.16b, v13.16b\n"
		"orr v0.16b, v0.16b, v14.16b\n"
		"orr v0.16b, v0.16b, v15.16b\n"
		"orr v0.16b, v0.16b, v16.16b\n"
		"orr v0.16b, v0.16b, v17.16b\n"
		"orr v0.16b, v0.16b, v18.16b\n"
		"orr v0.16b, v0.16b, v19.16b\n"
		"orr v0.16b, v0.16b, v20.16b\n"
		"orr v0.16b, v0.16b, v21.16b\n"
		"orr v0.16b, v0.16b, v22.16b\n"
		"orr v0.16b, v0.16b, v23.16b\n"
		"orr v0.16b, v0.16b, v24.16b\n"
		"orr v0.16b, v0.16b, v25.16b\n"
		"orr v0.16b, v0.16b, v26.16b\n"
		"orr v0.16b, v0.16b, v27.16b\n"
		"orr v0.16b, v0.16b, v28.16b\n"
		"orr v0.16b, v0.16b, v29.16b\n"
		"orr v0.16b, v0.16b, v30.16b\n"
		"orr v0.16b, v0.16b, v31.16b\n"
		"umov x9, v0.d[0]\n umov x10, v0.d[1]\n orr x9, x9, x10\n"
		"mrs x10, fpcr\n orr x9, x9, x10\n"
		"mrs x10, fpsr\n orr %[d], x9, x10\n"
		: [d] "=r"(dirty)
		:
		: "x9", "x10", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7",
		  "v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15", "v16",
		  "v17", "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25",
		  "v26", "v27", "v28", "v29", "v30", "v31");
	return dirty != 0;
}

struct fill_call {
	uint64_t seed, mask;
	void (*fn)(void *);
	void *arg;
	uint64_t bad;
};

uint32_t fp_fill_call_check(uint64_t seed, void (*fn)(void *), void *arg)
{
	struct fill_call b = {seed, FP_MASK, fn, arg, 0};

	/*
	 * x19-x24 (callee-saved) carry the expected values across the call:
	 * FPCR = rounding mode (seed & 3) with default NaN; FPSR = cumulative
	 * flags (seed & 0x1f) with QC.
	 */
	__asm__ volatile("mov x24, %[b]\n ldp x19, x20, [x24]\n ldp x23, x0, "
			 "[x24, #16]\n"
			 "and x21, x19, #3\n lsl x21, x21, #22\n orr x21, x21, "
			 "#(1 << 25)\n"
			 "and x22, x19, #0x1f\n orr x22, x22, #(1 << 27)\n"
			 "msr fpcr, x21\n msr fpsr, x22\n"
			 "add x9, x19, #0\n eor x10, x9, x20\n fmov d0, x9\n "
			 "mov v0.d[1], x10\n"
			 "add x9, x19, #1\n eor x10, x9, x20\n fmov d1, x9\n "
			 "mov v1.d[1], x10\n"
			 "add x9, x19, #2\n eor x10, x9, x20\n fmov d2, x9\n "
			 "mov v2.d[1], x10\n"
			 "add x9, x19, #3\n eor x10, x9, x20\n fmov d3, x9\n "
			 "mov v3.d[1], x10\n"
			 "add x9, x19, #4\n eor x10, x9, x20\n fmov d4, x9\n "
			 "mov v4.d[1], x10\n"
			 "add x9, x19, #5\n eor x10, x9, x20\n fmov d5, x9\n "
			 "mov v5.d[1], x10\n"
			 "add x9, x19, #6\n eor x10, x9, x20\n fmov d6, x9\n "
			 "mov v6.d[1], x10\n"
			 "add x9, x19, #7\n eor x10, x9, x20\n fmov d7, x9\n "
			 "mov v7.d[1], x10\n"
			 "add x9, x19, #8\n eor x10, x9, x20\n fmov d8, x9\n "
			 "mov v8.d[1], x10\n"
			 "add x9, x19, #9\n eor x10, x9, x20\n fmov d9, x9\n "
			 "mov v9.d[1], x10\n"
			 "add x9, x19, #10\n eor x10, x9, x20\n fmov d10, x9\n "
			 "mov v10.d[1], x10\n"
			 "add x9, x19, #11\n eor x10, x9, x20\n fmov d11, x9\n "
			 "mov v11.d[1], x10\n"
			 "add x9, x19, #12\n eor x10, x9, x20\n fmov d12, x9\n "
			 "mov v12.d[1], x10\n"
			 "add x9, x19, #13\n eor x10, x9, x20\n fmov d13, x9\n "
			 "mov v13.d[1], x10\n"
			 "add x9, x19, #14\n eor x10, x9, x20\n fmov d14, x9\n "
			 "mov v14.d[1], x10\n"
			 "add x9, x19, #15\n eor x10, x9, x20\n fmov d15, x9\n "
			 "mov v15.d[1], x10\n"
			 "add x9, x19, #16\n eor x10, x9, x20\n fmov d16, x9\n "
			 "mov v16.d[1], x10\n"
			 "add x9, x19, #17\n eor x10, x9, x20\n fmov d17, x9\n "
			 "mov v17.d[1], x10\n"
			 "add x9, x19, #18\n eor x10, x9, x20\n fmov d18, x9\n "
			 "mov v18.d[1], x10\n"
			 "add x9, x19, #19\n eor x10, x9, x20\n fmov d19, x9\n "
			 "mov v19.d[1], x10\n"
			 "add x9, x19, #20\n eor x10, x9, x20\n fmov d20, x9\n "
			 "mov v20.d[1], x10\n"
			 "add x9, x19, #21\n eor x10, x9, x20\n fmov d21, x9\n "
			 "mov v21.d[1], x10\n"
			 "add x9, x19, #22\n eor x10, x9, x20\n fmov d22, x9\n "
			 "mov v22.d[1], x10\n"
			 "add x9, x19, #23\n eor x10, x9, x20\n fmov d23, x9\n "
			 "mov v23.d[1], x10\n"
			 "add x9, x19, #24\n eor x10, x9, x20\n fmov d24, x9\n "
			 "mov v24.d[1], x10\n"
			 "add x9, x19, #25\n eor x10, x9, x20\n fmov d25, x9\n "
			 "mov v25.d[1], x10\n"
			 "add x9, x19, #26\n eor x10, x9, x20\n fmov d26, x9\n "
			 "mov v26.d[1], x10\n"
			 "add x9, x19, #27\n eor x10, x9, x20\n fmov d27, x9\n "
			 "mov v27.d[1], x10\n"
			 "add x9, x19, #28\n eor x10, x9, x20\n fmov d28, x9\n "
			 "mov v28.d[1], x10\n"
			 "add x9, x19, #29\n eor x10, x9, x20\n fmov d29, x9\n "
			 "mov v29.d[1], x10\n"
			 "add x9, x19, #30\n eor x10, x9, x20\n fmov d30, x9\n "
			 "mov v30.d[1], x10\n"
			 "add x9, x19, #31\n eor x10, x9, x20\n fmov d31, x9\n "
			 "mov v31.d[1], x10\n"
			 "blr x23\n"
			 "mov x9, #0\n"
			 "add x11, x19, #0\n eor x12, x11, x20\n fmov x10, "
			 "d0\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v0.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #1\n eor x12, x11, x20\n fmov x10, "
			 "d1\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v1.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #2\n eor x12, x11, x20\n fmov x10, "
			 "d2\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v2.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #3\n eor x12, x11, x20\n fmov x10, "
			 "d3\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v3.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #4\n eor x12, x11, x20\n fmov x10, "
			 "d4\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v4.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #5\n eor x12, x11, x20\n fmov x10, "
			 "d5\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v5.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #6\n eor x12, x11, x20\n fmov x10, "
			 "d6\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v6.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #7\n eor x12, x11, x20\n fmov x10, "
			 "d7\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v7.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #8\n eor x12, x11, x20\n fmov x10, "
			 "d8\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v8.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #9\n eor x12, x11, x20\n fmov x10, "
			 "d9\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v9.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #10\n eor x12, x11, x20\n fmov x10, "
			 "d10\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v10.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #11\n eor x12, x11, x20\n fmov x10, "
			 "d11\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v11.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #12\n eor x12, x11, x20\n fmov x10, "
			 "d12\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v12.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #13\n eor x12, x11, x20\n fmov x10, "
			 "d13\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v13.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #14\n eor x12, x11, x20\n fmov x10, "
			 "d14\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v14.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #15\n eor x12, x11, x20\n fmov x10, "
			 "d15\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v15.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #16\n eor x12, x11, x20\n fmov x10, "
			 "d16\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v16.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #17\n eor x12, x11, x20\n fmov x10, "
			 "d17\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v17.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #18\n eor x12, x11, x20\n fmov x10, "
			 "d18\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v18.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #19\n eor x12, x11, x20\n fmov x10, "
			 "d19\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v19.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #20\n eor x12, x11, x20\n fmov x10, "
			 "d20\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v20.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #21\n eor x12, x11, x20\n fmov x10, "
			 "d21\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v21.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #22\n eor x12, x11, x20\n fmov x10, "
			 "d22\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v22.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #23\n eor x12, x11, x20\n fmov x10, "
			 "d23\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v23.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #24\n eor x12, x11, x20\n fmov x10, "
			 "d24\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v24.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #25\n eor x12, x11, x20\n fmov x10, "
			 "d25\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v25.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #26\n eor x12, x11, x20\n fmov x10, "
			 "d26\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v26.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #27\n eor x12, x11, x20\n fmov x10, "
			 "d27\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v27.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #28\n eor x12, x11, x20\n fmov x10, "
			 "d28\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v28.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #29\n eor x12, x11, x20\n fmov x10, "
			 "d29\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v29.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #30\n eor x12, x11, x20\n fmov x10, "
			 "d30\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v30.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "add x11, x19, #31\n eor x12, x11, x20\n fmov x10, "
			 "d31\n cmp x10, x11\n cinc x9, x9, ne\n mov x10, "
			 "v31.d[1]\n cmp x10, x12\n cinc x9, x9, ne\n"
			 "mrs x10, fpcr\n cmp x10, x21\n cinc x9, x9, ne\n"
			 "mrs x10, fpsr\n cmp x10, x22\n cinc x9, x9, ne\n"
			 "str x9, [x24, #32]\n"
			 :
			 : [b] "r"(&b)
			 : "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8",
			   "x9", "x10", "x11", "x12", "x13", "x14", "x15",
			   "x16", "x17", "x18", "x19", "x20", "x21", "x22",
			   "x23", "x24", "x30", "v0", "v1", "v2", "v3", "v4",
			   "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12",
			   "v13", "v14", "v15", "v16", "v17", "v18", "v19",
			   "v20", "v21", "v22", "v23", "v24", "v25", "v26",
			   "v27", "v28", "v29", "v30", "v31", "cc", "memory");
	return (uint32_t)b.bad;
}

void fp_clobber(uint64_t seed)
{
	__asm__ volatile(
		"mov x9, %[s]\n mov x10, #0x9e37\n movk x10, #0x79b9, lsl #16\n"
		"add x9, x9, x10\n dup v0.2d, x9\n"
		"add x9, x9, x10\n dup v1.2d, x9\n"
		"add x9, x9, x10\n dup v2.2d, x9\n"
		"add x9, x9, x10\n dup v3.2d, x9\n"
		"add x9, x9, x10\n dup v4.2d, x9\n"
		"add x9, x9, x10\n dup v5.2d, x9\n"
		"add x9, x9, x10\n dup v6.2d, x9\n"
		"add x9, x9, x10\n dup v7.2d, x9\n"
		"add x9, x9, x10\n dup v8.2d, x9\n"
		"add x9, x9, x10\n dup v9.2d, x9\n"
		"add x9, x9, x10\n dup v10.2d, x9\n"
		"add x9, x9, x10\n dup v11.2d, x9\n"
		"add x9, x9, x10\n dup v12.2d, x9\n"
		"add x9, x9, x10\n dup v13.2d, x9\n"
		"add x9, x9, x10\n dup v14.2d, x9\n"
		"add x9, x9, x10\n dup v15.2d, x9\n"
		"add x9, x9, x10\n dup v16.2d, x9\n"
		"add x9, x9, x10\n dup v17.2d, x9\n"
		"add x9, x9, x10\n dup v18.2d, x9\n"
		"add x9, x9, x10\n dup v19.2d, x9\n"
		"add x9, x9, x10\n dup v20.2d, x9\n"
		"add x9, x9, x10\n dup v21.2d, x9\n"
		"add x9, x9, x10\n dup v22.2d, x9\n"
		"add x9, x9, x10\n dup v23.2d, x9\n"
		"add x9, x9, x10\n dup v24.2d, x9\n"
		"add x9, x9, x10\n dup v25.2d, x9\n"
		"add x9, x9, x10\n dup v26.2d, x9\n"
		"add x9, x9, x10\n dup v27.2d, x9\n"
		"add x9, x9, x10\n dup v28.2d, x9\n"
		"add x9, x9, x10\n dup v29.2d, x9\n"
		"add x9, x9, x10\n dup v30.2d, x9\n"
		"add x9, x9, x10\n dup v31.2d, x9\n"
		"mov x9, #(3 << 22)\n msr fpcr, x9\n"
		"mov x9, #0x9f\n msr fpsr, x9\n"
		:
		: [s] "r"(seed)
		: "x9", "x10", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7",
		  "v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15", "v16",
		  "v17", "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25",
		  "v26", "v27", "v28", "v29", "v30", "v31");
}
