/*
 * Hostile payload, common part: UART output, bounded waits, the SMC
 * wrappers and the check/result bookkeeping behind the @@RESULT lines.
 */
#include "hostile.h"

/* ------------------------------------------------------------------------ */
/* Console                                                                   */

static void uart_putc(char c)
{
	volatile uint32_t *fr = (volatile uint32_t *)(UART0_BASE + UART_FR);
	volatile uint32_t *dr = (volatile uint32_t *)(UART0_BASE + UART_DR);

	for (unsigned int i = 0; i < 1000000 && (*fr & UART_FR_TXFF); i++)
		;
	*dr = (uint8_t)c;
}

void con_puts(const char *s)
{
	while (*s) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s++);
	}
}

void con_printf(const char *f, ...)
{
	char buf[320];
	va_list ap;

	va_start(ap, f);
	fmt_vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	con_puts(buf);
}

/* ------------------------------------------------------------------------ */
/* Time (for bounded waits) and SMCs                                         */

static uint64_t now_ticks(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v)::"memory");
	return v;
}

static uint64_t ticks_per_ms(void)
{
	uint64_t f;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(f));
	if (!f)
		f = 62500000;
	return f / 1000;
}

uint64_t deadline_ms(uint64_t ms)
{
	return now_ticks() + ms * ticks_per_ms();
}

bool expired(uint64_t deadline)
{
	return now_ticks() >= deadline;
}

struct res smc(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	uint64_t in[8] = {a0, a1, a2, a3, 0, 0, 0, 0};
	uint64_t out[4];
	struct res r;

	smc_call(in, out);
	r.a0 = out[0];
	r.a1 = out[1];
	r.a2 = out[2];
	r.a3 = out[3];
	return r;
}

struct res smc_arg(uint32_t fid, uint64_t pa)
{
	return smc(fid, pa >> 32, (uint32_t)pa, 0);
}

struct res resume_rpc(struct res r)
{
	return smc(OPTEE_SMC_CALL_RETURN_FROM_RPC, r.a1, r.a2, r.a3);
}

bool is_rpc(uint64_t a0)
{
	return (a0 & 0xffff0000u) == OPTEE_SMC_RETURN_RPC_PREFIX &&
	       a0 != OPTEE_SMC_RETURN_UNKNOWN_FUNCTION && (a0 >> 32) == 0;
}

/* ------------------------------------------------------------------------ */
/* Checks                                                                    */

static struct {
	const char *name;
	unsigned int checks, fails;
	char first[200];
} T;
static unsigned int attacks_run, attacks_failed;

void t_begin(const char *name)
{
	memset(&T, 0, sizeof(T));
	T.name = name;
	con_printf("hostile: -- %s\n", name);
}

void check(bool ok, const char *f, ...)
{
	char buf[200];
	va_list ap;

	T.checks++;
	if (ok)
		return;
	va_start(ap, f);
	fmt_vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	T.fails++;
	con_printf("hostile:    FAIL %s\n", buf);
	if (!T.first[0])
		memcpy(T.first, buf, sizeof(buf));
}

void check_eq(const char *what, uint64_t got, uint64_t exp)
{
	check(got == exp, "%s: got 0x%lx, expected 0x%lx", what, got, exp);
}

void check_alive(void)
{
	struct res r = smc(OPTEE_SMC_CALLS_UID, 0, 0, 0);

	check(r.a0 == OPTEE_MSG_UID_0 && r.a1 == OPTEE_MSG_UID_1,
	      "core not answering CALLS_UID after %s (a0=0x%lx)", T.name, r.a0);
}

unsigned int t_fails(void)
{
	return T.fails;
}

void t_end(const char *extra)
{
	check_alive();
	attacks_run++;
	if (T.fails) {
		attacks_failed++;
		con_printf("@@RESULT %s fail %u of %u checks failed; first: "
			   "%s@@\n",
			   T.name, T.fails, T.checks, T.first);
	} else {
		con_printf("@@RESULT %s pass %u checks%s%s@@\n", T.name,
			   T.checks, extra && extra[0] ? "; " : "",
			   extra ? extra : "");
	}
}

void t_summary(void)
{
	con_printf("hostile: %u attacks, %u failed\n", attacks_run,
		   attacks_failed);
}
