"""Commands run as ``manage.py <name>``: set-up steps that ``make run`` chains."""
