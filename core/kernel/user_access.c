#include <kernel/user_access.h>
#include <rampart/arm64.h>
#include <string.h>

/* MSR PAN, #imm by encoding: no -march=armv8.1-a needed. */
#define PAN_SET() __asm__ volatile(".inst 0xd500419f" ::: "memory")
#define PAN_CLEAR() __asm__ volatile(".inst 0xd500409f" ::: "memory")

static bool have_pan;

bool user_access_init_cpu(void)
{
	uint64_t mmfr1 = read_sysreg(id_aa64mmfr1_el1);

	have_pan = ((mmfr1 >> 20) & 0xf) != 0;
	if (!have_pan)
		return false;
	/* SPAN = 0: PAN is set again on every exception taken to EL1. */
	write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) & ~BIT(23));
	isb();
	PAN_SET();
	return true;
}

void copy_from_user(void *dst, uaddr_t src, size_t len)
{
	if (have_pan)
		PAN_CLEAR();
	memcpy(dst, (const void *)src, len);
	if (have_pan)
		PAN_SET();
}

void copy_to_user(uaddr_t dst, const void *src, size_t len)
{
	if (have_pan)
		PAN_CLEAR();
	memcpy((void *)dst, src, len);
	if (have_pan)
		PAN_SET();
}

void user_access_run(void (*fn)(void *arg), void *arg)
{
	if (have_pan)
		PAN_CLEAR();
	fn(arg);
	if (have_pan)
		PAN_SET();
}

void user_access_reassert(void)
{
	if (have_pan)
		PAN_SET();
}
