"""The needs survey: the form page, answers, results and the findings drawn from them."""
