#include <drivers/secure_timer.h>
#include <rampart/arm64.h>

#define CNT_CTL_ENABLE BIT(0)
#define CNT_CTL_IMASK BIT(1)

void secure_timer_arm(uint64_t ticks)
{
	write_sysreg(cntps_tval_el1, ticks);
	write_sysreg(cntps_ctl_el1, CNT_CTL_ENABLE);
	isb();
}

void secure_timer_disarm(void)
{
	write_sysreg(cntps_ctl_el1, 0);
	isb();
}

uint64_t secure_timer_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

uint64_t system_counter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}
