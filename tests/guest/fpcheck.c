/*
 * The normal world's FP/SIMD registers survive a trip into the secure
 * world. Linux keeps a task's V registers live in the CPU across a system
 * call unless the kernel itself needs them, so the values set here before
 * the TEE_IOC_INVOKE system call (which makes yielding SMCs to our core)
 * must all be there after it: v0-v31, FPCR and FPSR.
 * Two rounds of 200 calls: to the test PTA (the core never touches FP)
 * -> @@RESULT fp_simd_preserved ...@@; to fp_ta, whose commands use every
 * FP/SIMD register and wait with RPCs in between, so the core must save
 * and restore our state around theirs, and one in five has the core run
 * AES with the CPU's AES instructions -> @@RESULT fp_simd_preserved_ta@@
 * (each fp_ta entry also reports whether it saw anything but zeros in its
 * registers at first, i.e. ours).
 */
#include <fcntl.h>
#include <linux/tee.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fp_ta.h"
#include "rampart/abi/pta_test.h"

struct invoke_buf {
	struct tee_ioctl_invoke_arg arg;
	struct tee_ioctl_param params[4];
};

struct open_buf {
	struct tee_ioctl_open_session_arg arg;
	struct tee_ioctl_param params[4];
};

/*
 * One asm block so the compiler cannot use FP registers in between: fill
 * v0-v31 with v_i = i * 0x0101.., FPCR (round towards minus infinity,
 * flush to zero) and FPSR (QC and two cumulative flags), issue
 * ioctl(fd, TEE_IOC_INVOKE, data) with svc, then count the registers whose
 * value changed. FPCR/FPSR go back to what they were.
 */
static long invoke_and_count_clobbered(int fd, struct tee_ioctl_buf_data *bd,
				       long *ioctl_ret)
{
	register long x0 __asm__("x0") = fd;
	register long x1 __asm__("x1") = (long)TEE_IOC_INVOKE;
	register long x2 __asm__("x2") = (long)bd;
	register long x8 __asm__("x8") = SYS_ioctl;
	long bad;

	__asm__ volatile(
#define SET(n) "mov x9, #" #n "\n mul x9, x9, x10\n dup v" #n ".2d, x9\n"
		"mov x10, #0x0101\n movk x10, #0x0101, lsl #16\n"
		"movk x10, #0x0101, lsl #32\n movk x10, #0x0101, lsl #48\n" SET(
			1) SET(2) SET(3) SET(4) SET(5) SET(6) SET(7) SET(8)
			SET(9) SET(10) SET(11) SET(12) SET(13) SET(14) SET(
				15) SET(16) SET(17) SET(18) SET(19) SET(20)
				SET(21) SET(22) SET(23) SET(24) SET(25) SET(26)
					SET(27) SET(28) SET(29) SET(30) SET(
						31) "movi v0.2d, "
						    "#0xff00ff00ff00ff00\n"
						    "mrs x13, fpcr\n"
						    "mov x14, #(2 << 22)\n orr "
						    "x14, x14, #(1 << 24)\n "
						    "msr fpcr, x14\n"
						    "mov x15, #0x11\n movk "
						    "x15, #0x800, lsl #16\n "
						    "msr fpsr, x15\n"
						    "svc #0\n"
						    "mov x11, #0\n"
						    "mrs x12, fpcr\n cmp x12, "
						    "x14\n cinc x11, x11, ne\n"
						    "mrs x12, fpsr\n cmp x12, "
						    "x15\n cinc x11, x11, ne\n"
						    "msr fpcr, x13\n msr fpsr, "
						    "xzr\n"
#define CHK(n)                                                                 \
	"mov x9, #" #n "\n mul x9, x9, x10\n"                                  \
	"umov x12, v" #n ".d[0]\n cmp x12, x9\n cinc x11, x11, ne\n"           \
	"umov x12, v" #n ".d[1]\n cmp x12, x9\n cinc x11, x11, ne\n"
		CHK(1) CHK(2) CHK(3) CHK(4) CHK(5) CHK(6) CHK(7) CHK(8) CHK(
			9) CHK(10) CHK(11) CHK(12) CHK(13) CHK(14) CHK(15)
			CHK(16) CHK(17) CHK(18) CHK(19) CHK(20) CHK(21) CHK(22)
				CHK(23) CHK(24) CHK(25) CHK(26) CHK(27) CHK(
					28) CHK(29) CHK(30)
					CHK(31) "mov x9, #0xff00ff00ff00ff00\n"
						"umov x12, v0.d[0]\n cmp x12, "
						"x9\n cinc x11, x11, ne\n"
						"mov %[bad], x11\n"
		: "+r"(x0), [bad] "=r"(bad)
		: "r"(x1), "r"(x2), "r"(x8)
		: "x9", "x10", "x11", "x12", "x13", "x14", "x15", "memory",
		  "cc", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
		  "v9", "v10", "v11", "v12", "v13", "v14", "v15", "v16", "v17",
		  "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26",
		  "v27", "v28", "v29", "v30", "v31");
	*ioctl_ret = x0;
	return bad;
}

static int open_session(int fd, const uint8_t uuid[16], uint32_t *session)
{
	struct open_buf ob = {0};
	struct tee_ioctl_buf_data bd = {(uintptr_t)&ob, sizeof(ob)};

	memcpy(ob.arg.uuid, uuid, 16);
	ob.arg.num_params = 4;
	if (ioctl(fd, TEE_IOC_OPEN_SESSION, &bd) || ob.arg.ret)
		return -1;
	*session = ob.arg.session;
	return 0;
}

/* Call @i to the test PTA: ADD, or GET_TIME (an RPC). */
static void pta_call(struct invoke_buf *ib, int i)
{
	ib->arg.func = i % 2 ? PTA_TEST_CMD_ADD : PTA_TEST_CMD_RPC_GET_TIME;
	ib->params[0].attr = i % 2 ? TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT
				   : TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
	ib->params[1].attr = i % 2 ? TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT : 0;
}

/*
 * Call @i to fp_ta: fill-wait-check with a 1 ms TEE_Wait (RPCs) or none,
 * a clobber of all its registers, double/NEON arithmetic, or fill-check
 * around AES in the core (which uses the registers itself where the CPU
 * has AES instructions).
 */
static void fp_call(struct invoke_buf *ib, int i)
{
	static const uint32_t cmds[] = {FP_CMD_PATTERN_WAIT, FP_CMD_CLOBBER,
					FP_CMD_PATTERN_WAIT, FP_CMD_COMPUTE,
					FP_CMD_PATTERN_CRYPTO};

	ib->arg.func = cmds[i % 5];
	ib->params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	ib->params[0].a = 0x5eed0000u + (uint32_t)i;
	ib->params[0].b = i % 8 == 0 ? 1 : 0;
	ib->params[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
	ib->params[2].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
}

/* What fp_ta said went wrong on its side (0: nothing). */
static int fp_result_bad(const struct invoke_buf *ib)
{
	if (ib->arg.func == FP_CMD_COMPUTE)
		return (ib->params[2].b & FP_COMPUTE_ENTRY_DIRTY) != 0;
	if (ib->arg.func == FP_CMD_PATTERN_CRYPTO && ib->params[2].a != 1)
		return 1;
	return ib->params[1].a != 0 || ib->params[1].b != 0;
}

/* 200 calls; returns how many registers changed in all, -1 on an error. */
static long run_calls(int fd, uint32_t session,
		      void (*build)(struct invoke_buf *, int),
		      int (*ta_bad)(const struct invoke_buf *), int *calls,
		      int *ta_bad_count)
{
	long total_bad = 0, ret = 0;

	for (*calls = 0; *calls < 200; (*calls)++) {
		struct invoke_buf ib = {0};
		struct tee_ioctl_buf_data bd = {(uintptr_t)&ib, sizeof(ib)};

		ib.arg.session = session;
		ib.arg.num_params = 4;
		build(&ib, *calls);
		total_bad += invoke_and_count_clobbered(fd, &bd, &ret);
		if (ret || ib.arg.ret)
			return -1;
		if (ta_bad && ta_bad(&ib))
			(*ta_bad_count)++;
	}
	return total_bad;
}

int main(void)
{
	const uint8_t pta[16] = PTA_TEST_UUID_OCTETS;
	const uint8_t fpta[16] = FP_TA_UUID_OCTETS;
	int fd = open("/dev/tee0", O_RDWR), calls = 0, ta_bad = 0;
	uint32_t session;
	long bad;

	if (fd < 0 || open_session(fd, pta, &session)) {
		printf("@@RESULT fp_simd_preserved fail cannot open the test "
		       "PTA@@\n");
		return 1;
	}
	bad = run_calls(fd, session, pta_call, NULL, &calls, &ta_bad);
	if (bad == 0)
		printf("@@RESULT fp_simd_preserved pass 200 calls (with RPCs), "
		       "v0-v31 FPCR FPSR intact@@\n");
	else
		printf("@@RESULT fp_simd_preserved fail calls=%d "
		       "clobbered=%ld@@\n",
		       calls, bad);

	if (open_session(fd, fpta, &session)) {
		printf("@@RESULT fp_simd_preserved_ta fail cannot open "
		       "fp_ta@@\n");
		return 1;
	}
	bad = run_calls(fd, session, fp_call, fp_result_bad, &calls, &ta_bad);
	if (bad == 0 && ta_bad == 0)
		printf("@@RESULT fp_simd_preserved_ta pass 200 calls to fp_ta "
		       "(FP/SIMD heavy, with RPCs), v0-v31 FPCR FPSR intact, "
		       "fp_ta saw none of them@@\n");
	else
		printf("@@RESULT fp_simd_preserved_ta fail calls=%d "
		       "clobbered=%ld ta_side_bad=%d@@\n",
		       calls, bad, ta_bad);
	return 0;
}
