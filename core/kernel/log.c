/* Core log and panic. A panic tells the monitor, which fails later calls. */
#include <drivers/pl011.h>
#include <fmt.h>
#include <kernel/cpu.h>
#include <kernel/log.h>
#include <platform_config.h>
#include <rampart/monitor_core.h>
#include <stdarg.h>
#include <string.h>

static volatile uint32_t log_lock;

void log_init(void)
{
	pl011_init(PLAT_SECURE_UART_BASE);
}

static void log_line(const char *prefix, const char *fmt, va_list ap)
{
	char buf[200];
	int n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);

	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	while (__atomic_exchange_n(&log_lock, 1, __ATOMIC_ACQUIRE))
		;
	pl011_write(PLAT_SECURE_UART_BASE, prefix, strlen(prefix));
	pl011_write(PLAT_SECURE_UART_BASE, buf, (size_t)n);
	pl011_write(PLAT_SECURE_UART_BASE, "\n", 1);
	__atomic_store_n(&log_lock, 0, __ATOMIC_RELEASE);
}

void core_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("[core] ", fmt, ap);
	va_end(ap);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	__asm__ volatile("msr daifset, #0xf");
	va_start(ap, fmt);
	log_line("[core] PANIC: ", fmt, ap);
	va_end(ap);
	/* The monitor never re-enters a core that reported a panic. */
	for (;;) {
		register uint64_t x0 __asm__("x0") = CORE_MSG_PANIC;

		__asm__ volatile("smc #0" : "+r"(x0)::"memory");
	}
}
