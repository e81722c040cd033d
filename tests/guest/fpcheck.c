/*
 * The normal world's FP/SIMD registers survive a trip into the secure
 * world. Linux keeps a task's V registers live in the CPU across a system
 * call unless the kernel itself needs them, so the values set here before
 * the TEE_IOC_INVOKE system call (which makes yielding SMCs to our core)
 * must all be there after it. Prints @@RESULT fp_simd_preserved ...@@.
 */
#include <fcntl.h>
#include <linux/tee.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

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
 * v0-v31 with v_i = i * 0x0101.., issue ioctl(fd, TEE_IOC_INVOKE, data)
 * with svc, then count the registers whose value changed.
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
		"movk x10, #0x0101, lsl #32\n movk x10, #0x0101, lsl #48\n"
		SET(1) SET(2) SET(3) SET(4) SET(5) SET(6) SET(7) SET(8)
		SET(9) SET(10) SET(11) SET(12) SET(13) SET(14) SET(15) SET(16)
		SET(17) SET(18) SET(19) SET(20) SET(21) SET(22) SET(23) SET(24)
		SET(25) SET(26) SET(27) SET(28) SET(29) SET(30) SET(31)
		"movi v0.2d, #0xff00ff00ff00ff00\n"
		"svc #0\n"
		"mov x11, #0\n"
#define CHK(n) "mov x9, #" #n "\n mul x9, x9, x10\n" \
	"umov x12, v" #n ".d[0]\n cmp x12, x9\n cinc x11, x11, ne\n" \
	"umov x12, v" #n ".d[1]\n cmp x12, x9\n cinc x11, x11, ne\n"
		CHK(1) CHK(2) CHK(3) CHK(4) CHK(5) CHK(6) CHK(7) CHK(8)
		CHK(9) CHK(10) CHK(11) CHK(12) CHK(13) CHK(14) CHK(15) CHK(16)
		CHK(17) CHK(18) CHK(19) CHK(20) CHK(21) CHK(22) CHK(23) CHK(24)
		CHK(25) CHK(26) CHK(27) CHK(28) CHK(29) CHK(30) CHK(31)
		"mov x9, #0xff00ff00ff00ff00\n"
		"umov x12, v0.d[0]\n cmp x12, x9\n cinc x11, x11, ne\n"
		"mov %[bad], x11\n"
		: "+r"(x0), [bad] "=r"(bad)
		: "r"(x1), "r"(x2), "r"(x8)
		: "x9", "x10", "x11", "x12", "memory", "cc", "v0", "v1", "v2",
		  "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11",
		  "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19", "v20",
		  "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29",
		  "v30", "v31");
	*ioctl_ret = x0;
	return bad;
}

int main(void)
{
	const uint8_t uuid[16] = PTA_TEST_UUID_OCTETS;
	struct open_buf ob = { 0 };
	struct tee_ioctl_buf_data bd = { (uintptr_t)&ob, sizeof(ob) };
	long total_bad = 0, ret = 0;
	int fd = open("/dev/tee0", O_RDWR), calls = 0;

	memcpy(ob.arg.uuid, uuid, 16);
	ob.arg.num_params = 4;
	if (fd < 0 || ioctl(fd, TEE_IOC_OPEN_SESSION, &bd) || ob.arg.ret) {
		printf("@@RESULT fp_simd_preserved fail cannot open the test PTA@@\n");
		return 1;
	}
	for (; calls < 200; calls++) {
		struct invoke_buf ib = { 0 };

		ib.arg.func = calls % 2 ? PTA_TEST_CMD_ADD
					: PTA_TEST_CMD_RPC_GET_TIME;
		ib.arg.session = ob.arg.session;
		ib.arg.num_params = 4;
		ib.params[0].attr = calls % 2 ? TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT
					      : TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
		ib.params[1].attr = calls % 2 ? TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT
					      : 0;
		bd.buf_ptr = (uintptr_t)&ib;
		bd.buf_len = sizeof(ib);
		total_bad += invoke_and_count_clobbered(fd, &bd, &ret);
		if (ret || ib.arg.ret)
			break;
	}
	if (calls == 200 && !total_bad)
		printf("@@RESULT fp_simd_preserved pass 200 calls (with RPCs), "
		       "v0-v31 intact@@\n");
	else
		printf("@@RESULT fp_simd_preserved fail calls=%d clobbered=%ld "
		       "ioctl=%ld ret=0x%x@@\n",
		       calls, total_bad, ret, 0u);
	return 0;
}
