"""The assignment list (交办清单): reading .xlsx/.xls/.et/.csv lists into cases (Qt-free).

``workbook`` reads a file into cell values, ``columns`` finds the header and which column is
which field, ``cells`` turns cell values into case values (numbers, names, dates), ``rows``
turns rows into cases, ``listing`` reads a whole list, ``texts`` matches the proposals' own
files to the cases. Storing is :mod:`desktop.actions.assignment`.
"""
